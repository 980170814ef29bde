// Response bodies of OTLP/HTTP in the protobuf encoding.
// ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
// ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
// google.rpc.Status { int32 code = 1; string message = 2; } for every 4xx/5xx response.
// https://opentelemetry.io/docs/specs/otlp/#otlphttp-response

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function lengthDelimited(fieldTag: number, bytes: Uint8Array): number[] {
  return [fieldTag, ...varint(bytes.length), ...bytes];
}

/** The protobuf response; empty (a valid empty message) when nothing was rejected. */
export function encodeExportTraceResponse(rejectedSpans: number, errorMessage: string): Uint8Array {
  if (rejectedSpans <= 0 && errorMessage === '') return new Uint8Array(0);
  const inner: number[] = [];
  if (rejectedSpans > 0) inner.push(0x08, ...varint(rejectedSpans));
  if (errorMessage !== '') inner.push(...lengthDelimited(0x12, Buffer.from(errorMessage, 'utf8')));
  return Uint8Array.from(lengthDelimited(0x0a, Uint8Array.from(inner)));
}

/** google.rpc.Status with a gRPC code (3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED, …). */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  const out: number[] = [];
  if (code !== 0) out.push(0x08, ...varint(code));
  if (message !== '') out.push(...lengthDelimited(0x12, Buffer.from(message, 'utf8')));
  return Uint8Array.from(out);
}
