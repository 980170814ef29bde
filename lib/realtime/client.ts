'use client';

import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';

import { GRAPH_CHANGED, graphChangedSchema, type GraphChanged, SOCKET_PATH } from './events';

// The browser side of the live graph. The socket only nudges: on `graph:changed` the page
// refetches /api/graph for its own window. Nudges are throttled (leading + trailing) so a
// burst of batches costs one or two refetches, and the first one still goes out at once —
// the "span received → visible within 2 s" budget is spent mostly on ingest, not here.
//
// Status model: `connecting` until the first connect; `connected`; `reconnecting` after
// a drop while socket.io retries; `offline` once the browser itself reports no network or
// retries have failed for a while.

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const THROTTLE_MS = 300;
const OFFLINE_AFTER_ATTEMPTS = 5;

export function useLiveGraph(onChange: (event: GraphChanged) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onChange);
  handler.current = onChange;

  useEffect(() => {
    const socket = io({ path: SOCKET_PATH, transports: ['websocket', 'polling'] });
    let timer: ReturnType<typeof setTimeout> | null = null;
    let queued: GraphChanged | null = null;

    const flush = () => {
      timer = null;
      if (!queued) return;
      const event = queued;
      queued = null;
      handler.current(event);
      timer = setTimeout(flush, THROTTLE_MS);
    };
    const handleChanged = (payload: unknown) => {
      const parsed = graphChangedSchema.safeParse(payload);
      if (!parsed.success) return; // a malformed nudge is ignored; the next one refetches
      queued = parsed.data;
      if (!timer) flush();
    };

    socket.on('connect', () => setStatus('connected'));
    socket.on('disconnect', () => setStatus(navigator.onLine ? 'reconnecting' : 'offline'));
    socket.io.on('reconnect_attempt', (attempt: number) =>
      setStatus(
        attempt >= OFFLINE_AFTER_ATTEMPTS || !navigator.onLine ? 'offline' : 'reconnecting',
      ),
    );
    socket.on('connect_error', () =>
      setStatus((s) => (s === 'connecting' || s === 'offline' ? s : 'reconnecting')),
    );
    socket.on(GRAPH_CHANGED, handleChanged);

    return () => {
      if (timer) clearTimeout(timer);
      socket.off(GRAPH_CHANGED, handleChanged);
      socket.close();
    };
  }, []);

  return status;
}
