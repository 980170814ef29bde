'use client';

import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import {
  formatCompactCount,
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
} from '@/lib/ui/format';

interface EdgeTableProps {
  title: string;
  direction: 'in' | 'out';
  edges: GraphEdge[];
  nodes: ReadonlyMap<string, GraphNode>;
  onSelect: (id: string) => void;
}

const NUMBER_COLUMNS = ['Rate', 'Calls', 'Errors', 'p50', 'p95', 'p99'];

function declaredVia(edge: GraphEdge): string {
  const via = [...new Set(edge.declared.map((d) => d.via))];
  return via.length ? ` (${via.join(', ')})` : '';
}

// Two lines per edge, grouped in one <tbody>: the peer with its type and sources, then the
// numbers of that edge in the chosen window. Eight columns side by side left a panel-wide
// table one letter per line for the name and cut p95/p99 off; this way the name gets the
// full width (ellipsised, whole in the title) and each number a fixed sixth of it.
// Error % is errors over calls of this edge, the same ratio the API computes.
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
        <colgroup>
          {NUMBER_COLUMNS.map((c) => (
            <col key={c} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="colgroup" colSpan={NUMBER_COLUMNS.length}>
              {direction === 'in' ? 'Caller' : 'Callee'} · type · source
            </th>
          </tr>
          <tr>
            {NUMBER_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {edges.map((e) => {
          const peerId = direction === 'in' ? e.source : e.target;
          const name = nodes.get(peerId)?.name ?? peerId;
          const mean = `mean ${formatMs(e.latency.meanMs)}`;
          return (
            <tbody key={e.id} data-testid="edge-row" data-peer={peerId}>
              <tr>
                <th scope="rowgroup" colSpan={NUMBER_COLUMNS.length} className="edge-peer">
                  <button
                    type="button"
                    className="link truncate"
                    title={name}
                    onClick={() => onSelect(peerId)}
                  >
                    {name}
                  </button>
                  <span className="muted edge-type" data-testid="edge-type">
                    {e.connectionType}
                    {e.inferred ? ' (inferred)' : ''} ·{' '}
                    <span data-testid="edge-origins">{e.origins.join(', ')}</span>
                    {declaredVia(e)}
                  </span>
                </th>
              </tr>
              <tr>
                <td className="num" data-testid="edge-rate">
                  {formatRate(e.ratePerSec)}
                </td>
                <td className="num" data-testid="edge-calls" title={formatCount(e.calls)}>
                  {formatCompactCount(e.calls)}
                </td>
                <td
                  className="num"
                  data-testid="edge-error-rate"
                  title={`${formatCount(e.errors)} errors, ${formatCount(e.clientErrors)} 4xx`}
                >
                  {e.calls > 0 ? formatPercent(e.errors / e.calls) : '–'}
                </td>
                <td className="num" data-testid="edge-p50" title={mean}>
                  {formatMs(e.latency.p50)}
                </td>
                <td className="num" data-testid="edge-p95" title={mean}>
                  {formatMs(e.latency.p95)}
                </td>
                <td className="num" data-testid="edge-p99" title={mean}>
                  {formatMs(e.latency.p99)}
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
