'use client';

import { useMemo } from 'react';

import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { formatCount, formatPercent } from '@/lib/ui/format';

import { KIND_LABELS } from '../topology/node-shapes';
import { ContainerList } from './container-list';
import { EdgeTable } from './edge-table';
import { PanelResizer } from './panel-resizer';
import { usePanelWidth } from './use-panel-width';

interface ServicePanelProps {
  node: GraphNode;
  nodes: ReadonlyMap<string, GraphNode>;
  edges: GraphEdge[];
  windowLabel: string;
  /** The smells view fills this with the node's findings (issue 4); empty until then. */
  findings?: React.ReactNode;
  onSelect: (id: string) => void;
  onClose: () => void;
}

function TagList({ title, items, testid }: { title: string; items: string[]; testid: string }) {
  return (
    <div data-testid={testid}>
      <dt>{title}</dt>
      <dd className="clamp" title={items.join(', ')}>
        {items.length ? items.join(', ') : '–'}
      </dd>
    </div>
  );
}

export function ServicePanel({
  node,
  nodes,
  edges,
  windowLabel,
  findings,
  onSelect,
  onClose,
}: ServicePanelProps) {
  const incoming = useMemo(() => edges.filter((e) => e.target === node.id), [edges, node.id]);
  const outgoing = useMemo(() => edges.filter((e) => e.source === node.id), [edges, node.id]);
  const [width, setWidth] = usePanelWidth();

  return (
    <aside
      className="service-panel"
      aria-labelledby="service-panel-title"
      data-testid="service-panel"
      style={{ width }}
    >
      <PanelResizer width={width} onResize={setWidth} />
      <div className="service-panel-body">
        <header>
          <h2 id="service-panel-title" data-testid="service-name" title={node.name}>
            {node.name}
          </h2>
          <button type="button" aria-label="Close panel" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="muted">
          {KIND_LABELS[node.kind]}
          {node.group ? ` · group ${node.group}` : ''} · {windowLabel}
        </p>
        <dl className="facts">
          <div>
            <dt>Calls in</dt>
            <dd data-testid="service-calls-in">{formatCount(node.callsIn)}</dd>
          </div>
          <div>
            <dt>Error rate</dt>
            <dd data-testid="service-error-rate">{formatPercent(node.errorRate)}</dd>
          </div>
          <div>
            <dt>Spans · traces</dt>
            <dd>
              {formatCount(node.spans)} · {formatCount(node.traces)}
            </dd>
          </div>
          <TagList title="Versions" items={node.versions} testid="service-versions" />
          <TagList title="Instances" items={node.instances} testid="service-instances" />
          <TagList title="Known from" items={node.origins} testid="service-origins" />
          {node.detail &&
            Object.entries(node.detail).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        <EdgeTable
          title="Callers"
          direction="in"
          edges={incoming}
          nodes={nodes}
          onSelect={onSelect}
        />
        <EdgeTable
          title="Callees"
          direction="out"
          edges={outgoing}
          nodes={nodes}
          onSelect={onSelect}
        />
        <ContainerList containers={node.containers} />
        <section data-testid="service-findings" aria-label="Findings">
          {findings}
        </section>
      </div>
    </aside>
  );
}
