import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { DecodeResult } from '@/lib/formats/decode-result';
import { TraceFormatError } from '@/lib/formats/decode-result';
import { decodeOtlpJson } from '@/lib/formats/otlp-json';
import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import { childLogger, type Logger } from '@/lib/logger';

import { isAuthorized } from './authorize';
import { BodyEncodingError, BodyTooLargeError, readBody } from './read-body';
import { CORS_HEADERS, sendError, sendSuccess, type Encoding } from './responses';
import type { SpanSink } from './span-sink';

// OTLP/HTTP trace receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp): POST
// /v1/traces with a protobuf or JSON ExportTraceServiceRequest, optionally gzip-encoded.
// Checks run cheapest first (path, method, token, content type, declared length) so that a
// request that will be refused costs no body read. Only counts are logged, never bodies.

export interface OtlpReceiverOptions {
  /** Interface to listen on; undefined = every interface, IPv4 and IPv6. */
  host?: string;
  port: number;
  maxBodyBytes: number;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string;
  sink: SpanSink;
  logger?: Logger;
}

export interface OtlpReceiver {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

const PATH = '/v1/traces';
const MAX_REASONS_IN_MESSAGE = 3;

function encodingOf(contentType: string | undefined): Encoding | undefined {
  const media = contentType?.split(';')[0].trim().toLowerCase();
  if (media === 'application/x-protobuf') return 'protobuf';
  if (media === 'application/json') return 'json';
  return undefined;
}

function decode(body: Buffer, encoding: Encoding): DecodeResult {
  if (encoding === 'protobuf') return decodeOtlpProtobuf(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new TraceFormatError(`invalid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return decodeOtlpJson(parsed);
}

/** The partial_success message: the first few reasons and how many more there were. */
export function summarizeRejections(rejected: DecodeResult['rejected']): string {
  if (rejected.length === 0) return '';
  const shown = rejected.slice(0, MAX_REASONS_IN_MESSAGE).map((r) => r.reason);
  const more = rejected.length - shown.length;
  return `${rejected.length} span(s) rejected: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function createOtlpReceiver(options: OtlpReceiverOptions): OtlpReceiver {
  const log = options.logger ?? childLogger('collectors.otlp');
  const { maxBodyBytes, token, sink } = options;
  let server: Server | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== PATH) return sendError(res, 404, 'json', `not found: use POST ${PATH}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (req.method !== 'POST') {
      return sendError(res, 405, 'json', 'method not allowed', {
        allow: 'POST, OPTIONS',
      });
    }

    const encoding = encodingOf(req.headers['content-type']);
    if (token !== undefined && !isAuthorized(req.headers.authorization, token)) {
      return sendError(res, 401, encoding ?? 'json', 'missing or wrong bearer token', {
        'www-authenticate': 'Bearer',
      });
    }
    if (!encoding) {
      return sendError(
        res,
        415,
        'json',
        'use Content-Type application/x-protobuf or application/json',
      );
    }
    const contentEncoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (!['identity', 'gzip', ''].includes(contentEncoding)) {
      return sendError(res, 415, encoding, `unsupported Content-Encoding ${contentEncoding}`);
    }
    const tooLarge = () =>
      sendError(res, 413, encoding, `body exceeds ${maxBodyBytes} bytes`, {
        connection: 'close',
      });
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge();

    let result: DecodeResult;
    try {
      const body = await readBody(req, maxBodyBytes, contentEncoding === 'gzip');
      result = decode(body, encoding);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return tooLarge();
      if (err instanceof TraceFormatError || err instanceof BodyEncodingError) {
        log.debug({ encoding, reason: err.message }, 'malformed OTLP request');
        return sendError(res, 400, encoding, err.message);
      }
      throw err;
    }

    const rejected = result.rejected.length;
    const verdict = sink.accept(result.spans, rejected);
    if (!verdict.ok) {
      log.warn({ status: verdict.status, spans: result.spans.length }, 'spans refused by sink');
      return sendError(res, verdict.status, encoding, verdict.message, {
        'retry-after': String(Math.max(1, Math.ceil(verdict.retryAfterSec))),
      });
    }
    if (rejected > 0) log.warn({ rejected, accepted: result.spans.length }, 'spans rejected');
    log.debug({ encoding, spans: result.spans.length, rejected }, 'spans received');
    sendSuccess(res, encoding, rejected, summarizeRejections(result.rejected));
  }

  return {
    start: () =>
      new Promise((resolve, reject) => {
        const s = createServer({ requestTimeout: 60_000, headersTimeout: 15_000 }, (req, res) => {
          handle(req, res).catch((err: unknown) => {
            log.error({ err }, 'OTLP request failed');
            if (!res.headersSent) sendError(res, 500, 'json', 'internal error');
            else res.destroy();
          });
        });
        s.once('error', reject);
        s.listen(options.port, options.host, () => {
          s.off('error', reject);
          server = s;
          const { port } = s.address() as AddressInfo;
          log.info(
            { host: options.host, port, auth: token !== undefined },
            'OTLP receiver started',
          );
          resolve({ port });
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        const s = server;
        server = undefined;
        s.close(() => resolve());
        s.closeIdleConnections();
        setTimeout(() => s.closeAllConnections(), 2000).unref();
      }),
  };
}
