import type { AttributeValue } from '@/lib/topology/types';

import { doubleValue, flattenValue, type PlainValue } from './attribute-value';
import { MAX_ATTRIBUTES_PER_SPAN } from './decode-result';
import { WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, type WireReader } from './wire-reader';

// KeyValue and AnyValue from opentelemetry/proto/common/v1/common.proto:
// AnyValue { string_value = 1; bool_value = 2; int_value = 3; double_value = 4;
//            array_value = 5; kvlist_value = 6; bytes_value = 7; }
// KeyValue { key = 1; value = 2; }   ArrayValue / KeyValueList { repeated values = 1; }
// https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/common/v1/common.proto

/** int64 from its two's-complement halves, by the same rule as the JSON decoder. */
export function int64FromParts(lo: number, hi: number): number | string {
  if (hi < 0x200000) return hi * 2 ** 32 + lo; // below 2^53: exact
  const big = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  const n = Number(big);
  return Number.isSafeInteger(n) ? n : big.toString();
}

export function readAnyValue(r: WireReader, end: number): PlainValue | undefined {
  let value: PlainValue | undefined;
  while (r.pos < end) {
    const tag = r.tag(end);
    const wt = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(WIRE_LEN, wt);
        value = r.string(end);
        break;
      case 2:
        r.expect(WIRE_VARINT, wt);
        value = r.varint(end) !== 0;
        break;
      case 3:
        r.expect(WIRE_VARINT, wt);
        r.varint64(end);
        value = int64FromParts(r.lo, r.hi);
        break;
      case 4:
        r.expect(WIRE_FIXED64, wt);
        value = doubleValue(r.double(end));
        break;
      case 5:
      case 6: {
        r.expect(WIRE_LEN, wt);
        const fieldEnd = r.lengthEnd(end);
        value = tag >>> 3 === 5 ? readArray(r, fieldEnd) : readKvlist(r, fieldEnd);
        break;
      }
      case 7: {
        r.expect(WIRE_LEN, wt);
        const fieldEnd = r.lengthEnd(end);
        value = r.buf.toString('base64', r.pos, fieldEnd);
        r.pos = fieldEnd;
        break;
      }
      default:
        r.skip(wt, end);
    }
  }
  return value;
}

function readArray(r: WireReader, end: number): PlainValue[] {
  const out: PlainValue[] = [];
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) {
      const itemEnd = r.lengthEnd(end);
      out.push(readAnyValue(r, itemEnd)!); // an empty AnyValue becomes null in the JSON text
      r.pos = itemEnd;
    } else r.skip(tag & 7, end);
  }
  return out;
}

/** Reads one KeyValue; returns its key and leaves the value in `kv.value`. */
function readKeyValue(r: WireReader, end: number, kv: { key: string; value?: PlainValue }): void {
  kv.key = '';
  kv.value = undefined;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) kv.key = r.string(end);
    else if (tag === 0x12) {
      const valueEnd = r.lengthEnd(end);
      kv.value = readAnyValue(r, valueEnd);
      r.pos = valueEnd;
    } else r.skip(tag & 7, end);
  }
}

function readKvlist(r: WireReader, end: number): { [key: string]: PlainValue } {
  const out: { [key: string]: PlainValue } = {};
  const kv: { key: string; value?: PlainValue } = { key: '' };
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) {
      const itemEnd = r.lengthEnd(end);
      readKeyValue(r, itemEnd, kv);
      if (kv.value !== undefined) out[kv.key] = kv.value;
      r.pos = itemEnd;
    } else r.skip(tag & 7, end);
  }
  return out;
}

const scratch: { key: string; value?: PlainValue } = { key: '' };

/** Adds one KeyValue (the bytes up to `end`) to `into`, honouring the per-span cap. */
export function readAttribute(
  r: WireReader,
  end: number,
  into: Record<string, AttributeValue>,
  count: number,
): number {
  if (count >= MAX_ATTRIBUTES_PER_SPAN) {
    r.pos = end;
    return count;
  }
  readKeyValue(r, end, scratch);
  if (scratch.value === undefined) return count;
  into[scratch.key] = flattenValue(scratch.value);
  return count + 1;
}
