import type { SpanKind } from '@/lib/topology/types';

// OTLP enums are integers on the wire and in the spec's JSON mapping, but JSON written by
// other tools (Tempo, protojson with UseEnumNumbers=false) carries the enum names instead.
// https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto

const KINDS: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

export function spanKindFromNumber(n: number): SpanKind {
  return KINDS[n] ?? 'unspecified';
}

export function spanKindFromJson(value: unknown): SpanKind | undefined {
  if (value === undefined || value === null) return 'unspecified';
  if (typeof value === 'number' && Number.isInteger(value)) return spanKindFromNumber(value);
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return spanKindFromNumber(Number(value));
  const name = value.toLowerCase().replace(/^span_kind_/, '') as SpanKind;
  return KINDS.includes(name) ? name : undefined;
}

/** STATUS_CODE_ERROR = 2; UNSET (0) and OK (1) are not errors. */
export function statusIsErrorFromJson(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return false;
  if (typeof value === 'number') return value === 2;
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return Number(value) === 2;
  const name = value.toUpperCase();
  if (name === 'STATUS_CODE_ERROR' || name === 'ERROR') return true;
  if (['STATUS_CODE_OK', 'STATUS_CODE_UNSET', 'OK', 'UNSET'].includes(name)) return false;
  return undefined;
}

/**
 * Unix nanoseconds exceed 2^53, so they are carried as whole milliseconds plus the nanoseconds
 * left over (both exact doubles). Both decoders split their input this way and combine it with
 * the same two functions, so a JSON decimal string and a protobuf fixed64 of the same instant
 * give identical numbers, and a 100 µs span lasts exactly 0.1 ms rather than 0.09984.
 */
export interface SplitNanos {
  ms: number;
  ns: number;
}

export function splitDecimalNanos(text: string): SplitNanos {
  if (text.length <= 6) return { ms: 0, ns: Number(text) };
  return { ms: Number(text.slice(0, -6)), ns: Number(text.slice(-6)) };
}

/** A fixed64 given as its two 32-bit halves; 2^32 = 4294 * 10^6 + 967296. */
export function splitFixed64Nanos(lo: number, hi: number): SplitNanos {
  const t = hi * 967296 + lo; // < 2^53, exact
  const ns = t % 1e6;
  return { ms: hi * 4294 + (t - ns) / 1e6, ns };
}

export function startTimeMs(start: SplitNanos): number {
  return start.ms + start.ns / 1e6;
}

export function durationMs(start: SplitNanos, end: SplitNanos): number {
  if (end.ms < start.ms || (end.ms === start.ms && end.ns <= start.ns)) return 0;
  return end.ms - start.ms + (end.ns - start.ns) / 1e6;
}
