import { clipName, readSpanAttributes, type SpanAttributes } from './attributes';
import { serviceKey } from './node-key';
import type { NormalizedSpan, SpanKind } from './types';

// One trace's spans as a tree. Derivation must not depend on arrival order, so spans are
// sorted by content first and every later choice (which duplicate wins, which parent a child
// of a shared id hangs under) follows that order.

export interface IndexedSpan {
  span: NormalizedSpan;
  /** Service name after mapping; empty names become `unknown`. */
  service: string;
  node: string;
  /** The span kind, with messaging operations on client spans read as producer/consumer. */
  kind: SpanKind;
  attrs: SpanAttributes;
  parent?: IndexedSpan;
  /** The span names a parent that is not in the trace. */
  parentMissing: boolean;
  children: IndexedSpan[];
}

const PUBLISH = new Set(['publish', 'send', 'create']);
const RECEIVE = new Set(['receive', 'process', 'deliver', 'settle']);

export function resolveService(name: string, serviceMap?: Record<string, string>): string {
  const trimmed = name.trim();
  const mapped = serviceMap && Object.hasOwn(serviceMap, trimmed) ? serviceMap[trimmed] : trimmed;
  return clipName(mapped.trim()) || 'unknown';
}

function effectiveKind(kind: SpanKind, attrs: SpanAttributes): SpanKind {
  if (kind !== 'client' && kind !== 'unspecified') return kind;
  const operation = attrs.messagingOperation;
  if (operation && PUBLISH.has(operation)) return 'producer';
  if (operation && RECEIVE.has(operation)) return 'consumer';
  return kind;
}

function compareSpans(a: NormalizedSpan, b: NormalizedSpan): number {
  return (
    a.startTimeMs - b.startTimeMs ||
    cmp(a.spanId, b.spanId) ||
    cmp(a.kind, b.kind) ||
    cmp(a.service, b.service) ||
    cmp(a.name, b.name) ||
    a.durationMs - b.durationMs ||
    cmp(a.parentSpanId ?? '', b.parentSpanId ?? '')
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Children of a shared Zipkin id (client and server halves carry the same id) ran on the
// server side; so do children of any duplicated id, as far as we can tell.
const PARENT_PREFERENCE: SpanKind[] = ['server', 'internal', 'unspecified', 'consumer'];

function pickParent(candidates: IndexedSpan[]): IndexedSpan {
  for (const kind of PARENT_PREFERENCE) {
    const found = candidates.find((candidate) => candidate.kind === kind);
    if (found) return found;
  }
  return candidates[0];
}

/** Sorts, drops exact duplicates and links every span to its parent. */
export function indexTrace(
  spans: readonly NormalizedSpan[],
  serviceMap?: Record<string, string>,
): IndexedSpan[] {
  const sorted = [...spans].sort(compareSpans);
  const indexed: IndexedSpan[] = [];
  for (const span of sorted) {
    const previous = indexed.at(-1)?.span;
    if (previous && compareSpans(previous, span) === 0) continue; // retried export
    const service = resolveService(span.service, serviceMap);
    const attrs = readSpanAttributes(span.attributes);
    indexed.push({
      span,
      service,
      node: serviceKey(service),
      kind: effectiveKind(span.kind, attrs),
      attrs,
      parentMissing: false,
      children: [],
    });
  }

  const byId = new Map<string, IndexedSpan[]>();
  for (const entry of indexed) {
    const group = byId.get(entry.span.spanId);
    if (group) group.push(entry);
    else byId.set(entry.span.spanId, [entry]);
  }

  for (const entry of indexed) {
    const shared = byId.get(entry.span.spanId)!.filter((other) => other !== entry);
    const sharedClient = shared.find((other) => other.kind === 'client');
    if (entry.kind === 'server' && sharedClient) {
      entry.parent = sharedClient;
    } else if (entry.span.parentSpanId) {
      const candidates = (byId.get(entry.span.parentSpanId) ?? []).filter((c) => c !== entry);
      if (candidates.length > 0 && entry.span.parentSpanId !== entry.span.spanId) {
        entry.parent = pickParent(candidates);
      } else {
        entry.parentMissing = true;
      }
    }
    entry.parent?.children.push(entry);
  }
  return indexed;
}
