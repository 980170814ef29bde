'use client';

import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { formatCount, formatMs, formatPercent, formatRate } from '@/lib/ui/format';

interface EdgeTableProps {
  title: string;
  direction: 'in' | 'out';
  edges: GraphEdge[];
  nodes: ReadonlyMap<string, GraphNode>;
  onSelect: (id: string) => void;
}

function declaredVia(edge: GraphEdge): string {
  const via = [...new Set(edge.declared.map((d) => d.via))];
  return via.length ? ` (${via.join(', ')})` : '';
}

// One row per edge: the peer, then the numbers of that edge in the chosen window. Error %
// is errors over calls of this edge, the same ratio the API computes.
export function EdgeTable({ title, direction, edges, nodes, onSelect }: EdgeTableProps) {
  const testid = direction === 'in' ? 'callers' : 'callees';
  if (edges.length === 0) {
    return (
      <section data-testid={testid}>
        <h3>{title}</h3>
        <p className="muted">None in this window.</p>
      </section>
    );
  }
  return (
    <section data-testid={testid}>
      <h3>
        {title} <span className="muted">({edges.length})</span>
      </h3>
      <table className="edge-table">
        <thead>
          <tr>
            <th scope="col">{direction === 'in' ? 'Caller' : 'Callee'}</th>
            <th scope="col">Type · source</th>
            <th scope="col">Rate</th>
            <th scope="col">Calls</th>
            <th scope="col">Errors</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => {
            const peerId = direction === 'in' ? e.source : e.target;
            const peer = nodes.get(peerId);
            return (
              <tr key={e.id} data-testid="edge-row" data-peer={peerId}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(peerId)}>
                    {peer?.name ?? peerId}
                  </button>
                </th>
                <td data-testid="edge-type">
                  {e.connectionType}
                  {e.inferred ? ' (inferred)' : ''} ·{' '}
                  <span data-testid="edge-origins">{e.origins.join(', ')}</span>
                  {declaredVia(e)}
                </td>
                <td data-testid="edge-rate">{formatRate(e.ratePerSec)}</td>
                <td data-testid="edge-calls">{formatCount(e.calls)}</td>
                <td
                  data-testid="edge-error-rate"
                  title={`${e.errors} errors, ${e.clientErrors} 4xx`}
                >
                  {e.calls > 0 ? formatPercent(e.errors / e.calls) : '–'}
                </td>
                <td data-testid="edge-p50">{formatMs(e.latency.p50)}</td>
                <td data-testid="edge-p95">{formatMs(e.latency.p95)}</td>
                <td data-testid="edge-p99">{formatMs(e.latency.p99)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
