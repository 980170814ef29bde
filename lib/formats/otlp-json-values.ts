import type { AttributeValue } from '@/lib/topology/types';

import { doubleValue, flattenValue, int64FromDecimal, type PlainValue } from './attribute-value';
import { MAX_ATTRIBUTES_PER_SPAN, SpanRejection } from './decode-result';

// KeyValue / AnyValue in the OTLP JSON mapping. Field names are lowerCamelCase per the spec;
// the proto names (snake_case) are accepted too, as the protobuf JSON mapping requires.
// https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function pick(o: JsonObject, camel: string, snake: string): unknown {
  return o[camel] !== undefined ? o[camel] : o[snake];
}

function int64Json(v: unknown, path: string): number | string {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return int64FromDecimal(v);
  throw new SpanRejection(`${path}.intValue: not an int64`);
}

function doubleJson(v: unknown, path: string): number | string {
  if (typeof v === 'number') return doubleValue(v);
  if (typeof v === 'string' && ['NaN', 'Infinity', '-Infinity'].includes(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new SpanRejection(`${path}.doubleValue: not a double`);
}

/** Decodes one AnyValue; an empty AnyValue (no field set) is undefined. */
export function plainFromAnyValue(v: unknown, path: string): PlainValue | undefined {
  if (!isObject(v)) throw new SpanRejection(`${path}: not an AnyValue object`);
  const s = pick(v, 'stringValue', 'string_value');
  if (s !== undefined) {
    if (typeof s !== 'string') throw new SpanRejection(`${path}.stringValue: not a string`);
    return s;
  }
  const b = pick(v, 'boolValue', 'bool_value');
  if (b !== undefined) {
    if (typeof b !== 'boolean') throw new SpanRejection(`${path}.boolValue: not a boolean`);
    return b;
  }
  const i = pick(v, 'intValue', 'int_value');
  if (i !== undefined) return int64Json(i, path);
  const d = pick(v, 'doubleValue', 'double_value');
  if (d !== undefined) return doubleJson(d, path);
  const bytes = pick(v, 'bytesValue', 'bytes_value');
  if (bytes !== undefined) {
    if (typeof bytes !== 'string') throw new SpanRejection(`${path}.bytesValue: not base64`);
    return bytes;
  }
  const arr = pick(v, 'arrayValue', 'array_value');
  if (arr !== undefined) return arrayJson(arr, `${path}.arrayValue`);
  const kv = pick(v, 'kvlistValue', 'kvlist_value');
  if (kv !== undefined) return kvlistJson(kv, `${path}.kvlistValue`);
  return undefined;
}

function valuesOf(v: unknown, path: string): unknown[] {
  if (!isObject(v)) throw new SpanRejection(`${path}: not an object`);
  const values = v.values ?? [];
  if (!Array.isArray(values)) throw new SpanRejection(`${path}.values: not an array`);
  return values;
}

function arrayJson(v: unknown, path: string): PlainValue[] {
  return valuesOf(v, path).map((item, i) => plainFromAnyValue(item, `${path}.values[${i}]`)!);
}

function kvlistJson(v: unknown, path: string): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  valuesOf(v, path).forEach((kv, i) => {
    const p = `${path}.values[${i}]`;
    if (!isObject(kv) || typeof kv.key !== 'string') throw new SpanRejection(`${p}: no key`);
    const value = plainFromAnyValue(kv.value ?? {}, `${p}.value`);
    if (value !== undefined) out[kv.key] = value;
  });
  return out;
}

/** A repeated KeyValue, flattened; keys past MAX_ATTRIBUTES_PER_SPAN are dropped. */
export function attributesFromJson(v: unknown, path: string): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (v === undefined || v === null) return out;
  if (!Array.isArray(v)) throw new SpanRejection(`${path}: not an array`);
  let count = 0;
  for (let i = 0; i < v.length && count < MAX_ATTRIBUTES_PER_SPAN; i++) {
    const kv = v[i];
    const p = `${path}[${i}]`;
    if (!isObject(kv) || typeof kv.key !== 'string') throw new SpanRejection(`${p}.key: missing`);
    const value = plainFromAnyValue(kv.value ?? {}, `${p}.value`);
    if (value === undefined) continue;
    out[kv.key] = flattenValue(value);
    count++;
  }
  return out;
}
