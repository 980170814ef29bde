// `npm run import -- FILE…`: trace files (OTLP / Jaeger / Zipkin JSON), dependency-link
// files and compose files. When the app is running (ORRERY_APP_URL, default
// http://127.0.0.1:3000) batches go through its ingest API so the live UI updates;
// otherwise they are stored directly in the configured (or embedded) database.
import { randomUUID } from 'node:crypto';

import { parseEnv } from '@/lib/env';
import { importFiles, ImportError, type ImportedFile } from '@/lib/import/import-files';
import { storeBatch } from '@/lib/ingest/store';
import { openDatabase } from '@/lib/runtime/database';
import { parseServiceMap } from '@/lib/docker/parse-service-map';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run import -- FILE [FILE…]\n');
  process.exit(2);
}

async function appUrl(): Promise<string | undefined> {
  const url = process.env.ORRERY_APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1500) });
    return res.status < 500 || res.status === 503 ? url : undefined;
  } catch {
    return undefined;
  }
}

async function sendToApp(url: string, item: ImportedFile) {
  const token = process.env.ORRERY_INGEST_TOKEN;
  const res = await fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(item.batch),
  });
  if (!res.ok)
    throw new ImportError(`${item.file}: the app refused it (${res.status} ${await res.text()})`);
}

async function main() {
  const env = parseEnv();
  const imported = await importFiles(files, {
    groupAttribute: env.ORRERY_GROUP_ATTRIBUTE,
    serviceMap: parseServiceMap(env.ORRERY_SERVICE_MAP),
  });
  const url = await appUrl();
  const database = url ? undefined : await openDatabase(env);
  try {
    for (const item of imported) {
      item.batch.batchId = randomUUID();
      if (url) await sendToApp(url, item);
      else await storeBatch(item.batch);
      const origin = url ?? `http://localhost:${process.env.PORT ?? 3000}`;
      const view = `${origin}/?w=custom&from=${item.fromMs}&to=${item.toMs}`;
      process.stdout.write(
        `${item.file}: ${item.format}, ${item.spans} spans (${item.rejectedSpans} rejected), ` +
          `${item.batch.nodes.length} nodes, ${item.batch.edges.length} edge rollups` +
          `${item.batch.docker ? `, ${item.batch.docker.containers.length} services` : ''} → ${url ?? 'database'}\n  open: ${view}\n`,
      );
    }
  } finally {
    await database?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(
    `import failed: ${err instanceof ImportError ? err.message : (err as Error).stack}\n`,
  );
  process.exit(1);
});
