import type { ServerResponse } from 'node:http';

import { encodeExportTraceResponse, encodeRpcStatus } from '@/lib/formats/otlp-protobuf';

// OTLP/HTTP answers in the encoding of the request: ExportTraceServiceResponse on success,
// google.rpc.Status for every 4xx/5xx (https://opentelemetry.io/docs/specs/otlp/#failures-1).

export type Encoding = 'protobuf' | 'json';

const CONTENT_TYPE: Record<Encoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

/** gRPC status codes for the HTTP statuses we send. */
const RPC_CODE: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  401: 16, // UNAUTHENTICATED
  404: 5, // NOT_FOUND
  405: 12, // UNIMPLEMENTED
  413: 8, // RESOURCE_EXHAUSTED
  415: 3,
  429: 8,
  500: 13, // INTERNAL
  503: 14, // UNAVAILABLE
};

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, content-encoding, authorization',
  'access-control-max-age': '86400',
};

function send(
  res: ServerResponse,
  status: number,
  encoding: Encoding,
  body: Uint8Array | string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': CONTENT_TYPE[encoding],
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

export function sendSuccess(
  res: ServerResponse,
  encoding: Encoding,
  rejectedSpans: number,
  errorMessage: string,
): void {
  if (encoding === 'protobuf') {
    send(res, 200, encoding, encodeExportTraceResponse(rejectedSpans, errorMessage));
    return;
  }
  const body =
    rejectedSpans > 0 || errorMessage !== ''
      ? {
          partialSuccess: {
            rejectedSpans: String(rejectedSpans),
            errorMessage,
          },
        }
      : {};
  send(res, 200, encoding, JSON.stringify(body));
}

export function sendError(
  res: ServerResponse,
  status: number,
  encoding: Encoding,
  message: string,
  headers: Record<string, string> = {},
): void {
  const code = RPC_CODE[status] ?? 2; // UNKNOWN
  const body =
    encoding === 'protobuf' ? encodeRpcStatus(code, message) : JSON.stringify({ code, message });
  send(res, status, encoding, body, headers);
}
