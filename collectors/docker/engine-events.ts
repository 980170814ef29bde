import type Dockerode from 'dockerode';

import type { Logger } from '@/lib/logger';

import { backoffMs, sleep } from './batch-sink';
import { eventMessageSchema, type EventMessage } from './engine-schema';

// The Engine's event stream (GET /events, newline-delimited JSON) with reconnection. The
// loop owns one state: connected or waiting. Every (re)connection calls `onConnected` before
// any event is delivered, so the caller resynchronises with a full listing and misses
// nothing that happened while the Engine was away.

export interface EngineEventHandlers {
  onConnected(): Promise<void>;
  onEvent(event: EventMessage): void;
}

export interface EngineEventOptions {
  logger: Logger;
  backoffCapMs?: number;
}

export function watchEngineEvents(
  docker: Dockerode,
  handlers: EngineEventHandlers,
  options: EngineEventOptions,
): () => void {
  const abort = new AbortController();
  const { logger } = options;

  const connectOnce = async (): Promise<void> => {
    const stream = (await docker.getEvents({
      filters: { type: ['container', 'network'] },
      abortSignal: abort.signal,
    } as Dockerode.GetEventsOptions)) as NodeJS.ReadableStream & { destroy?: () => void };
    abort.signal.addEventListener('abort', () => stream.destroy?.(), { once: true });
    // Subscribe first, then resync: an event during the listing is applied after it.
    await handlers.onConnected();
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line) continue;
          const parsed = eventMessageSchema.safeParse(JSON.parse(line));
          if (parsed.success) handlers.onEvent(parsed.data);
          else logger.warn({ issues: parsed.error.issues.length }, 'unreadable engine event');
        }
      });
      stream.on('end', () => resolve());
      stream.on('close', () => resolve());
      stream.on('error', (err: Error) => reject(err));
    });
  };

  void (async () => {
    let attempt = 0;
    while (!abort.signal.aborted) {
      const startedMs = Date.now();
      try {
        await connectOnce();
        if (!abort.signal.aborted) logger.warn('engine event stream ended');
      } catch (err) {
        if (abort.signal.aborted) break;
        logger.warn({ err, attempt }, 'engine unreachable');
      }
      if (Date.now() - startedMs > 5_000) attempt = 0;
      const waitMs = backoffMs(attempt++, 250, options.backoffCapMs ?? 5_000);
      await sleep(waitMs, abort.signal);
    }
  })();

  return () => abort.abort();
}
