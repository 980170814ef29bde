// Trace and span ids arrive as hex (lowercase, uppercase, 64- or 128-bit, sometimes with the
// leading zero dropped, as Jaeger does) or as base64 (the protobuf JSON mapping of `bytes`,
// used by older Jaeger and by gogo/jsonpb exports). Everything is normalised to lowercase hex
// of fixed width, left-padded, which is what NormalizedSpan promises.

export const TRACE_ID_HEX = 32;
export const SPAN_ID_HEX = 16;

const HEX_RE = /^[0-9a-fA-F]+$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Padded base64 lengths of 8- and 16-byte ids; nothing else is taken for base64. */
const BASE64_ID_BYTES = new Map([
  [12, 8],
  [24, 16],
]);
const ZEROS = '0'.repeat(TRACE_ID_HEX);

/** Pads to `width` hex chars; returns undefined for the all-zero id, which OTLP calls invalid. */
export function padId(hex: string, width: number): string | undefined {
  const padded = hex.length < width ? ZEROS.slice(0, width - hex.length) + hex : hex;
  return padded === ZEROS.slice(0, width) ? undefined : padded;
}

/**
 * Normalises an id string to lowercase hex of `width` chars, or undefined when it is neither
 * hex nor padded base64 of 8 or 16 bytes (at most width/2), or is all zeros. Hex is tried
 * first; padded base64 of those sizes always ends in `=`, so the two never overlap.
 */
export function normalizeId(value: unknown, width: number): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (value.length <= width && HEX_RE.test(value)) return padId(value.toLowerCase(), width);
  const bytes = BASE64_ID_BYTES.get(value.length);
  if (bytes === undefined || bytes > width / 2 || !BASE64_RE.test(value)) return undefined;
  return padId(Buffer.from(value, 'base64').toString('hex'), width);
}
