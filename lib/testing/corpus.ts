import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Tests read the shared corpus in place (never copied into the project). Its location can be
// moved with ORRERY_CORPUS_DIR; where it is absent the tests that need it skip and say why.

const repoRoot = path.resolve(import.meta.dirname, '../..');

export const corpusDir = path.resolve(
  process.env.ORRERY_CORPUS_DIR ?? path.join(repoRoot, '../shared/corpus'),
);

export const hasCorpus = existsSync(path.join(corpusDir, 'INDEX.md'));

export const corpusSkipReason = hasCorpus
  ? ''
  : `corpus not found at ${corpusDir} (set ORRERY_CORPUS_DIR); skipping corpus tests`;

if (!hasCorpus) process.emitWarning(corpusSkipReason);

export function corpusPath(relative: string): string {
  return path.join(corpusDir, relative);
}

export function readCorpus(relative: string): string {
  return readFileSync(corpusPath(relative), 'utf8');
}

export function readCorpusJson(relative: string): unknown {
  return JSON.parse(readCorpus(relative));
}
