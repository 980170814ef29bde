import { randomBytes } from 'node:crypto';

// Builds OTLP/HTTP JSON bodies (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding)
// for the specs: hex ids, nanosecond timestamps as strings, kind and status as numbers.

const SPAN_KIND = { server: 2, client: 3, producer: 4, consumer: 5 } as const;
const STATUS_ERROR = 2;

export interface SpanSpec {
  service: string;
  kind: keyof typeof SPAN_KIND;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name?: string;
  startMs: number;
  durationMs: number;
  error?: boolean;
  attributes?: Record<string, string>;
}

export const hexId = (bytes: number) => randomBytes(bytes).toString('hex');

const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

/** One OTLP JSON request body; spans are grouped into one resource per service. */
export function otlpBody(spans: SpanSpec[]): unknown {
  const byService = new Map<string, SpanSpec[]>();
  for (const s of spans) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  return {
    resourceSpans: [...byService.entries()].map(([service, list]) => ({
      resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
      scopeSpans: [
        {
          scope: { name: 'orrery-e2e' },
          spans: list.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name ?? `${s.kind} ${s.service}`,
            kind: SPAN_KIND[s.kind],
            startTimeUnixNano: nanos(s.startMs),
            endTimeUnixNano: nanos(s.startMs + s.durationMs),
            attributes: Object.entries(s.attributes ?? {}).map(([key, v]) => ({
              key,
              value: { stringValue: v },
            })),
            status: s.error ? { code: STATUS_ERROR, message: 'boom' } : {},
          })),
        },
      ],
    })),
  };
}

/**
 * `calls` traces of caller → callee: a client span in the caller whose child server span
 * is in the callee. The first `errors` server spans end with status ERROR.
 */
export function callSpans(
  caller: string,
  callee: string,
  calls: number,
  opts: { errors?: number; atMs?: number; durationMs?: (i: number) => number } = {},
): SpanSpec[] {
  const atMs = opts.atMs ?? Date.now() - 2_000;
  const spans: SpanSpec[] = [];
  for (let i = 0; i < calls; i++) {
    const traceId = hexId(16);
    const clientId = hexId(8);
    const duration = opts.durationMs?.(i) ?? 10 * (i + 1);
    const start = atMs + i * 50;
    spans.push({
      service: caller,
      kind: 'client',
      traceId,
      spanId: clientId,
      startMs: start,
      durationMs: duration + 2,
    });
    spans.push({
      service: callee,
      kind: 'server',
      traceId,
      spanId: hexId(8),
      parentSpanId: clientId,
      startMs: start + 1,
      durationMs: duration,
      error: i < (opts.errors ?? 0),
    });
  }
  return spans;
}

export async function postSpans(otlpUrl: string, spans: SpanSpec[]): Promise<void> {
  const res = await fetch(`${otlpUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(otlpBody(spans)),
  });
  if (!res.ok) throw new Error(`OTLP receiver answered ${res.status}: ${await res.text()}`);
}

/** A name unique to this run, so specs sharing one database never see each other's nodes. */
export const uniqueName = (prefix: string) => `${prefix}-${hexId(3)}`;
