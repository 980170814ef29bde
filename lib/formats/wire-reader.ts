import { TraceFormatError } from './decode-result';

// A bounds-checked reader of the protobuf wire format: just varints, fixed64/32 and
// length-delimited fields, which is all OTLP uses. Every read is checked against the end of
// the message it belongs to, so truncated or garbage input throws TraceFormatError instead of
// reading past a nested message, allocating a huge buffer or looping.
// https://protobuf.dev/programming-guides/encoding/

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

export class WireReader {
  pos = 0;
  /** Halves of the last 64-bit value read by varint64() or fixed64(). */
  lo = 0;
  hi = 0;
  readonly buf: Buffer;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(what: string): never {
    throw new TraceFormatError(`protobuf: ${what} at byte ${this.pos}`);
  }

  /** A varint that must fit in 32 bits unsigned (tags, lengths, enums, bools). */
  varint(end: number): number {
    const buf = this.buf;
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= end) this.fail('truncated varint');
      const b = buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
    }
    // Negative int32 enums are sign-extended to 10 bytes; keep the low 32 bits.
    for (let i = 0; i < 5; i++) {
      if (this.pos >= end) this.fail('truncated varint');
      if (buf[this.pos++] < 0x80) return result % 2 ** 32;
    }
    return this.fail('varint longer than 10 bytes');
  }

  /** A field tag; field number 0 never occurs in valid input, so it marks garbage early. */
  tag(end: number): number {
    const tag = this.varint(end);
    if (tag < 8) this.fail('invalid field number 0');
    return tag;
  }

  /** A full 64-bit varint, left in lo/hi. */
  varint64(end: number): void {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= end) this.fail('truncated varint');
      const b = buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (i * 7);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (i * 7 - 32);
      if (b < 0x80) {
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    this.fail('varint longer than 10 bytes');
  }

  fixed64(end: number): void {
    if (this.pos + 8 > end) this.fail('truncated fixed64');
    this.lo = this.view.getUint32(this.pos, true);
    this.hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
  }

  double(end: number): number {
    if (this.pos + 8 > end) this.fail('truncated double');
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  /** Reads a length prefix and returns where that field ends. */
  lengthEnd(end: number): number {
    const len = this.varint(end);
    const fieldEnd = this.pos + len;
    if (fieldEnd > end) this.fail('length-delimited field runs past its message');
    return fieldEnd;
  }

  string(end: number): string {
    const fieldEnd = this.lengthEnd(end);
    const start = this.pos;
    this.pos = fieldEnd;
    if (fieldEnd - start < 24) {
      // Short ASCII strings (keys, names) are cheaper to build by hand than via the decoder.
      let out = '';
      for (let i = start; i < fieldEnd; i++) {
        const c = this.buf[i];
        if (c >= 0x80) return this.buf.toString('utf8', start, fieldEnd);
        out += String.fromCharCode(c);
      }
      return out;
    }
    return this.buf.toString('utf8', start, fieldEnd);
  }

  skip(wireType: number, end: number): void {
    if (wireType === WIRE_VARINT) this.varint64(end);
    else if (wireType === WIRE_FIXED64) this.pos += 8;
    else if (wireType === WIRE_LEN) this.pos = this.lengthEnd(end);
    else if (wireType === WIRE_FIXED32) this.pos += 4;
    else this.fail(`unsupported wire type ${wireType}`);
    if (this.pos > end) this.fail('field runs past its message');
  }

  /** Checks that a known field arrived with the wire type its schema says. */
  expect(wireType: number, actual: number): void {
    if (wireType !== actual) this.fail(`wire type ${actual} where ${wireType} was expected`);
  }
}
