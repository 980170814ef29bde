import type { AttributeValue } from '@/lib/topology/types';

import { clipString, int64FromDecimal } from './attribute-value';
import { MAX_ATTRIBUTES_PER_SPAN, SpanRejection } from './decode-result';
import { isObject } from './otlp-json-values';

// Jaeger tags come in two JSON shapes: the UI/query-API form {key, type, value} with lowercase
// types and values that may be strings ("true", "9223372036854775222"), and the api_v2 model
// form {key, vType, vStr|vBool|vInt64|vFloat64|vBinary} (vType absent means STRING).

function typedValue(type: string, value: unknown, key: string): AttributeValue {
  switch (type) {
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      break;
    case 'int64':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return int64FromDecimal(value);
      break;
    case 'float64':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && Number.isFinite(Number(value))) return Number(value);
      break;
    case 'string':
    case 'binary':
      if (typeof value === 'string') return clipString(value);
      break;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return typeof value === 'string' ? clipString(value) : value;
  }
  throw new SpanRejection(`tags.${key}: not a ${type} value`);
}

function tagValue(tag: Record<string, unknown>, key: string): AttributeValue {
  if (tag.vType !== undefined || tag.value === undefined) {
    const type = String(tag.vType ?? 'STRING').toLowerCase();
    const field = { string: 'vStr', bool: 'vBool', int64: 'vInt64', float64: 'vFloat64' }[type];
    return typedValue(type, tag[field ?? 'vBinary'] ?? (type === 'string' ? '' : undefined), key);
  }
  return typedValue(String(tag.type ?? 'string').toLowerCase(), tag.value, key);
}

export function jaegerTags(tags: unknown, path: string): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (tags === undefined || tags === null) return out;
  if (!Array.isArray(tags)) throw new SpanRejection(`${path}: not an array`);
  for (let i = 0; i < tags.length && i < MAX_ATTRIBUTES_PER_SPAN; i++) {
    const tag = tags[i];
    if (!isObject(tag) || typeof tag.key !== 'string') {
      throw new SpanRejection(`${path}[${i}].key: missing`);
    }
    out[tag.key] = tagValue(tag, tag.key);
  }
  return out;
}
