// Trace and span ids arrive as hex (lowercase, uppercase, 64- or 128-bit, sometimes with the
// leading zero dropped, as Jaeger does) or as base64 (the protobuf JSON mapping of `bytes`,
// used by older Jaeger and by gogo/jsonpb exports). Everything is normalised to lowercase hex
// of fixed width, left-padded, which is what NormalizedSpan promises.

export const TRACE_ID_HEX = 32;
export const SPAN_ID_HEX = 16;

const HEX_RE = /^[0-9a-fA-F]+$/;
const BASE64_RE =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL_RE = /^[A-Za-z0-9_-]+={0,2}$/;
const ZEROS = "0".repeat(TRACE_ID_HEX);

export const HEX_BYTE: string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, "0"),
);

export function bytesToHex(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): string {
  let out = "";
  for (let i = start; i < end; i++) out += HEX_BYTE[bytes[i]];
  return out;
}

/** Pads to `width` hex chars; returns undefined for the all-zero id, which OTLP calls invalid. */
export function padId(hex: string, width: number): string | undefined {
  const padded =
    hex.length < width ? ZEROS.slice(0, width - hex.length) + hex : hex;
  return padded === ZEROS.slice(0, width) ? undefined : padded;
}

/**
 * Normalises an id string to lowercase hex of `width` chars, or undefined when it is neither
 * hex nor base64 of at most width/2 bytes, or is all zeros. Hex wins where a string could be
 * both: a base64 id of 8 or 16 bytes always has `=` padding or non-hex letters in practice.
 */
export function normalizeId(value: unknown, width: number): string | undefined {
  if (typeof value !== "string" || value.length === 0) return undefined;
  if (value.length <= width && HEX_RE.test(value))
    return padId(value.toLowerCase(), width);
  if (value.length > Math.ceil((width / 2 / 3) * 4) + 2) return undefined;
  if (!BASE64_RE.test(value) && !BASE64URL_RE.test(value)) return undefined;
  const bytes = Buffer.from(
    value,
    value.includes("-") || value.includes("_") ? "base64url" : "base64",
  );
  if (bytes.length === 0 || bytes.length > width / 2) return undefined;
  return padId(bytesToHex(bytes), width);
}
