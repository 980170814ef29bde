import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { loadComposeProject } from '@/lib/compose/load-compose-project';
import { parseDependencyLinks } from '@/lib/formats/dependencies';
import { detectFormat } from '@/lib/formats/detect';
import { decodeJaegerJson } from '@/lib/formats/jaeger-json';
import { decodeOtlpJson } from '@/lib/formats/otlp-json';
import { decodeZipkinJson } from '@/lib/formats/zipkin-json';
import { TracePipeline } from '@/lib/topology/trace-pipeline';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

// `npm run import` and POST /api/import: files in, one batch per file out, through the same
// derivation and the same store as live data. A file that cannot be read is refused whole
// with a message naming it; a file that can is stored in one transaction, so nothing of it
// is ever half-stored. Compose files given together form one project (base + overrides).

export class ImportError extends Error {}

export interface ImportedFile {
  file: string;
  format: string;
  spans: number;
  rejectedSpans: number;
  batch: ObservationBatchWithDocker;
  /** Time range the data covers, so the user can open that window. */
  fromMs: number;
  toMs: number;
}

export interface ImportOptions {
  nowMs?: number;
  /** Variables for `${VAR}` in compose files; default: this process's environment. */
  composeEnv?: Record<string, string>;
  groupAttribute?: string;
  serviceMap?: Record<string, string>;
}

const COMPOSE = /\.ya?ml$/i;

export async function importFiles(
  files: string[],
  options: ImportOptions = {},
): Promise<ImportedFile[]> {
  const compose = files.filter((f) => COMPOSE.test(f));
  const others = files.filter((f) => !COMPOSE.test(f));
  const out: ImportedFile[] = [];
  if (compose.length > 0) out.push(await importCompose(compose, options));
  for (const file of others) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new ImportError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code})`, {
        cause: err,
      });
    }
    out.push(importJsonText(text, file, options));
  }
  return out;
}

async function importCompose(files: string[], options: ImportOptions): Promise<ImportedFile> {
  try {
    // Like `docker compose`, the caller's environment wins over `.env` in interpolation.
    const batch = await loadComposeProject(files, {
      serviceMap: options.serviceMap,
      env: options.composeEnv ?? shellEnv(),
    });
    const now = options.nowMs ?? Date.now();
    return {
      file: files.join(' + '),
      format: 'compose',
      spans: 0,
      rejectedSpans: 0,
      batch,
      fromMs: now - 15 * 60_000,
      toMs: now + 60_000,
    };
  } catch (err) {
    throw new ImportError(`${files.join(', ')}: ${(err as Error).message}`, { cause: err });
  }
}

/** One JSON document (trace file or dependency links) to one batch. */
export function importJsonText(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportedFile {
  const name = path.basename(file);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`${name}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const format = detectFormat(body);
  if (!format) {
    throw new ImportError(
      `${name}: not a format Orrery reads (OTLP JSON, Jaeger JSON, Zipkin v2 JSON, Jaeger or Zipkin dependency links)`,
    );
  }
  const nowMs = options.nowMs ?? Date.now();
  try {
    if (format === 'jaeger-dependencies' || format === 'zipkin-dependencies') {
      const batch = parseDependencyLinks(body, {
        bucketStartMs: nowMs,
        collector: `import:${name}`.slice(0, 128),
      });
      return {
        file: name,
        format,
        spans: 0,
        rejectedSpans: 0,
        batch,
        fromMs: nowMs - 60_000,
        toMs: nowMs + 60_000,
      };
    }
    const decode = { otlp: decodeOtlpJson, jaeger: decodeJaegerJson, zipkin: decodeZipkinJson }[
      format
    ];
    const decoded = decode(body);
    const pipeline = new TracePipeline({
      collector: `import:${name}`.slice(0, 128),
      idleMs: 1,
      maxAgeMs: 1,
      maxSpans: Math.max(decoded.spans.length + 1, 1000),
      groupAttribute: options.groupAttribute ?? 'service.namespace',
      serviceMap: options.serviceMap,
    });
    pipeline.add(decoded.spans, decoded.rejected.length);
    const batch = pipeline.flushAll();
    if (!batch) throw new ImportError(`${name}: holds no spans`);
    const starts = decoded.spans.map((s) => s.startTimeMs).filter((ms) => ms > 0);
    const fromMs = starts.length ? Math.floor(Math.min(...starts) / 60_000) * 60_000 : nowMs;
    const toMs = starts.length ? Math.ceil(Math.max(...starts) / 60_000) * 60_000 + 60_000 : nowMs;
    return {
      file: name,
      format,
      spans: decoded.spans.length,
      rejectedSpans: decoded.rejected.length,
      batch,
      fromMs,
      toMs,
    };
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`${name}: ${(err as Error).message}`, { cause: err });
  }
}

function shellEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
