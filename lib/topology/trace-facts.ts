import { clipName } from './attributes';
import type { IndexedSpan } from './span-index';
import { cmp } from './span-index';
import { bucketStartOf } from './time-bucket';
import type { DerivedCall, DerivedEdge, DerivedNodeActivity } from './trace-derivation';
import type { NodeObservation } from './types';

// Collects what the rules of derive-trace.ts find in one trace: nodes, calls, which spans
// found their partner, and the rpc hops used for the depth of each entry.

type SpanState = 'paired' | 'unpaired';

export class TraceFacts {
  readonly nodes = new Map<string, NodeObservation>();
  readonly calls: DerivedCall[] = [];
  private readonly states = new Map<IndexedSpan, SpanState>();
  /** +1 service entered at this span (it is the callee of an rpc call to a service). */
  readonly hops = new Set<IndexedSpan>();
  /** +1 service reached from this span without entering it (inferred rpc to a service). */
  readonly leafHops = new Set<IndexedSpan>();

  constructor(private readonly groupAttribute: string) {}

  addNode(node: NodeObservation): void {
    const known = this.nodes.get(node.key);
    if (!known) {
      this.nodes.set(node.key, { ...node });
      return;
    }
    // Spans are visited in sorted order, so "first detail wins" is deterministic.
    if (node.detail) known.detail = { ...node.detail, ...known.detail };
  }

  /** Service nodes take group, version and instance from the latest span that has them. */
  addService(span: IndexedSpan): void {
    this.addNode({ key: span.node, kind: 'service', name: span.service });
    const node = this.nodes.get(span.node)!;
    const group = text(span.span.resource[this.groupAttribute]);
    const version = versionOf(span);
    const instance = instanceOf(span);
    if (group) node.group = group;
    if (version) node.version = version;
    if (instance) node.instanceId = instance;
  }

  addCall(call: DerivedCall): void {
    this.calls.push(call);
  }

  paired(...spans: IndexedSpan[]): void {
    for (const span of spans)
      if (this.states.get(span) !== 'unpaired') this.states.set(span, 'paired');
  }

  unpaired(span: IndexedSpan): void {
    this.states.set(span, 'unpaired');
  }

  count(state: SpanState): number {
    let total = 0;
    for (const value of this.states.values()) if (value === state) total += 1;
    return total;
  }

  sortedCalls(): DerivedCall[] {
    return [...this.calls].sort(
      (a, b) =>
        a.startTimeMs - b.startTimeMs ||
        cmp(a.source, b.source) ||
        cmp(a.target, b.target) ||
        cmp(a.connectionType, b.connectionType),
    );
  }

  edges(): DerivedEdge[] {
    const edges = new Map<string, DerivedEdge>();
    for (const call of this.calls) {
      const key = `${call.source}\u0000${call.target}\u0000${call.connectionType}`;
      const edge = edges.get(key);
      if (!edge) {
        const { source, target, connectionType, inferred, startTimeMs } = call;
        edges.set(key, {
          source,
          target,
          connectionType,
          inferred,
          calls: 1,
          firstStartMs: startTimeMs,
        });
        continue;
      }
      edge.calls += 1;
      edge.inferred &&= call.inferred;
      edge.firstStartMs = Math.min(edge.firstStartMs, call.startTimeMs);
    }
    return [...edges.values()].sort(
      (a, b) =>
        cmp(a.source, b.source) ||
        cmp(a.target, b.target) ||
        cmp(a.connectionType, b.connectionType),
    );
  }
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const result = String(value).trim();
  return result === '' ? undefined : clipName(result);
}

export function versionOf(span: IndexedSpan): string | undefined {
  return text(span.span.resource['service.version']);
}

export function instanceOf(span: IndexedSpan): string | undefined {
  const resource = span.span.resource;
  return (
    text(resource['service.instance.id']) ??
    text(resource['host.name']) ??
    text(resource['container.id'])
  );
}

/** Spans, versions and instances per service node and bucket. */
export function nodeActivity(spans: IndexedSpan[]): DerivedNodeActivity[] {
  const byKey = new Map<
    string,
    {
      activity: DerivedNodeActivity;
      versions: Set<string>;
      instances: Set<string>;
    }
  >();
  for (const span of spans) {
    const bucketStartMs = bucketStartOf(span.span.startTimeMs);
    const key = `${span.node}\u0000${bucketStartMs}`;
    let entry = byKey.get(key);
    if (!entry) {
      const activity = {
        node: span.node,
        bucketStartMs,
        spans: 0,
        versions: [],
        instances: [],
      };
      entry = { activity, versions: new Set(), instances: new Set() };
      byKey.set(key, entry);
    }
    entry.activity.spans += 1;
    const version = versionOf(span);
    const instance = instanceOf(span);
    if (version) entry.versions.add(version);
    if (instance) entry.instances.add(instance);
  }
  return [...byKey.values()]
    .map(({ activity, versions, instances }) => ({
      ...activity,
      versions: [...versions].sort(),
      instances: [...instances].sort(),
    }))
    .sort((a, b) => cmp(a.node, b.node) || a.bucketStartMs - b.bucketStartMs);
}
