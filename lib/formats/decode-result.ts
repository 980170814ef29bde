import type { NormalizedSpan } from '@/lib/topology/types';

/** What every trace decoder returns: the spans it could read, and why it dropped the others. */
export interface DecodeResult {
  spans: NormalizedSpan[];
  rejected: Array<{ reason: string }>;
}

/**
 * The body as a whole cannot be read (not JSON, wrong shape, truncated protobuf). Span-level
 * problems are not thrown: they land in `DecodeResult.rejected` and the other spans are kept.
 * The message names the path of the offending field, e.g. `resourceSpans[0].scopeSpans: not an
 * array`, so that a user can find it in their file.
 */
export class TraceFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TraceFormatError';
  }
}

/** A single span that cannot be kept; caught per span and counted as rejected. */
export class SpanRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpanRejection';
  }
}

/**
 * Caps that keep one hostile span from costing unbounded memory downstream. Derivation reads a
 * handful of attributes; anything past these limits is dropped, never an error.
 */
export const MAX_ATTRIBUTES_PER_SPAN = 1000;
export const MAX_ATTRIBUTE_STRING_CHARS = 8192;
export const MAX_LINKS_PER_SPAN = 128;
