import { request } from 'node:http';

// A bare HTTP client for receiver tests: it can stream a body without Content-Length and
// stop writing as soon as the server answers, which fetch cannot do.

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export function post(
  port: number,
  headers: Record<string, string>,
  chunks: Buffer[],
  method = 'POST',
  path = '/v1/traces',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(parts),
        }),
      );
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const writeNext = (i: number) => {
      if (answered || req.destroyed) return;
      if (i === chunks.length) return void req.end();
      req.write(chunks[i], () => writeNext(i + 1));
    };
    writeNext(0);
  });
}
