import type { AttributeValue } from '@/lib/topology/types';

import { MAX_ATTRIBUTE_STRING_CHARS } from './decode-result';

/** A decoded AnyValue before flattening: arrays and maps keep their structure. */
export type PlainValue = string | number | boolean | PlainValue[] | { [key: string]: PlainValue };

/**
 * int64 keeps its exact value: a JS number where that is lossless, else the decimal string.
 * Both decoders (JSON and protobuf) go through here so that they agree span for span.
 */
export function int64FromDecimal(text: string): number | string {
  const n = Number(text);
  if (Number.isSafeInteger(n)) return n;
  if (!/^-?\d+$/.test(text)) throw new RangeError(`not an integer: ${text.slice(0, 40)}`);
  return BigInt(text).toString();
}

/** NaN and the infinities have no JSON number form; they travel as their names. */
export function doubleValue(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

export function clipString(s: string): string {
  return s.length > MAX_ATTRIBUTE_STRING_CHARS ? s.slice(0, MAX_ATTRIBUTE_STRING_CHARS) : s;
}

/** NormalizedSpan attributes are flat: arrays and maps become their JSON text. */
export function flattenValue(value: PlainValue): AttributeValue {
  if (typeof value === 'string') return clipString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return clipString(JSON.stringify(value));
}
