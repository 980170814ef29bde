// Postgres text and jsonb cannot hold NUL, nor a lone UTF-16 surrogate; a span carrying
// either would make its whole batch unstorable. Such characters are replaced here, once,
// where every span enters derivation, so one hostile span cannot stall everyone's ingest.

const NUL = /\u0000/g;

export function cleanText(value: string): string {
  return value.toWellFormed().replace(NUL, '\uFFFD');
}

export function hasUnstorableText(value: string): boolean {
  return value.includes('\u0000') || !value.isWellFormed();
}
