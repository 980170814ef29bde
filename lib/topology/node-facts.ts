import { cmp } from './span-index';
import type { NodeObservation } from './types';

// Node descriptions merged over many traces. Each field (group, version, detail entry…) keeps
// the value of the latest trace that has it, ties broken by trace id, so the merged node is
// the same whatever order the traces were derived in.

type Stamp = [startTimeMs: number, traceId: string];
type Field = 'name' | 'group' | 'version' | 'instanceId';

interface NodeState {
  key: string;
  kind: NodeObservation['kind'];
  fields: Map<string, { value: string; stamp: Stamp }>;
}

function newer(a: Stamp, b: Stamp): boolean {
  return a[0] > b[0] || (a[0] === b[0] && cmp(a[1], b[1]) > 0);
}

const FIELDS: Field[] = ['name', 'group', 'version', 'instanceId'];

export class NodeFacts {
  private readonly nodes = new Map<string, NodeState>();

  get size(): number {
    return this.nodes.size;
  }

  add(node: NodeObservation, startTimeMs: number, traceId: string): void {
    let state = this.nodes.get(node.key);
    if (!state) {
      state = { key: node.key, kind: node.kind, fields: new Map() };
      this.nodes.set(node.key, state);
    }
    const stamp: Stamp = [startTimeMs, traceId];
    const set = (field: string, value: string | undefined) => {
      if (value === undefined) return;
      const known = state.fields.get(field);
      if (!known || newer(stamp, known.stamp)) state.fields.set(field, { value, stamp });
    };
    for (const field of FIELDS) set(field, node[field]);
    for (const [name, value] of Object.entries(node.detail ?? {})) set(`detail.${name}`, value);
  }

  toObservations(): NodeObservation[] {
    return [...this.nodes.values()]
      .sort((a, b) => cmp(a.key, b.key))
      .map((state) => {
        const node: NodeObservation = { key: state.key, kind: state.kind, name: state.key };
        const detail: Record<string, string> = {};
        for (const [field, { value }] of [...state.fields].sort(([a], [b]) => cmp(a, b))) {
          if (field.startsWith('detail.')) detail[field.slice('detail.'.length)] = value;
          else node[field as Field] = value;
        }
        if (Object.keys(detail).length > 0) node.detail = detail;
        return node;
      });
  }
}
