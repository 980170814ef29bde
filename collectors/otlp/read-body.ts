import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';

// Reads a request body into memory with a hard cap that applies to the bytes after
// decompression too, so a small gzip bomb cannot expand into gigabytes: decompression stops
// the moment the cap is crossed and the caller answers 413.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export class BodyEncodingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BodyEncodingError';
  }
}

export function readBody(req: IncomingMessage, maxBytes: number, gzip: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const source = gzip ? req.pipe(createGunzip()) : req;

    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      if (err) {
        req.unpipe();
        if (gzip) (source as ReturnType<typeof createGunzip>).destroy();
        reject(err);
      } else resolve(Buffer.concat(chunks, total));
    };

    source.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > maxBytes) return finish(new BodyTooLargeError(maxBytes));
      chunks.push(chunk);
    });
    source.on('end', () => finish());
    source.on('error', (err) =>
      finish(gzip ? new BodyEncodingError('body is not valid gzip', { cause: err }) : err),
    );
    req.on('aborted', () => finish(new BodyEncodingError('request aborted by the client')));
  });
}
