import http from 'node:http';
import { startDemo } from '@/collectors/demo/workload';
const stats = { requests: 0, bytes: 0, types: new Set<string>() };
const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (c) => (n += c.length));
  req.on('end', () => {
    stats.requests++;
    stats.bytes += n;
    stats.types.add(String(req.headers['content-type']));
    res.writeHead(200, { 'content-type': 'application/x-protobuf' });
    res.end();
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
for (const topology of ['hailo', 'twitter', 'netflix'] as const) {
  const t0 = process.cpuUsage();
  const demo = await startDemo({
    topology,
    endpoint: `http://127.0.0.1:${port}/v1/traces`,
    tracesPerSec: 15,
  });
  await new Promise((r) => setTimeout(r, 4000));
  await demo.stop();
  const cpu = process.cpuUsage(t0);
  console.log(
    topology,
    JSON.stringify({ ...stats, types: [...stats.types] }),
    'cpu ms',
    (cpu.user + cpu.system) / 1000,
  );
}
server.close();
