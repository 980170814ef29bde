import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A minimal OTLP/HTTP sink for tests: accepts POST /v1/traces on loopback, keeps every body
// with its content type, answers 200 with an empty protobuf response. It decodes nothing, so
// a test can check what really went over the wire.

export interface ReceivedRequest {
  path: string;
  contentType: string;
  body: Buffer;
}

export interface CountingOtlpServer {
  endpoint: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startCountingOtlpServer(): Promise<CountingOtlpServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      requests.push({
        path: req.url,
        contentType: String(req.headers['content-type'] ?? ''),
        body: Buffer.concat(chunks),
      });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/v1/traces`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
