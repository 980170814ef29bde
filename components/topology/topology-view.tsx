'use client';

import { useCallback, useEffect, useMemo } from 'react';

import { ServiceFindings } from '@/components/service/service-findings';
import { ServicePanel } from '@/components/service/service-panel';
import { useLiveGraph } from '@/lib/realtime/client';
import { findingHighlight } from '@/lib/smells/highlight';
import { smellsHref } from '@/lib/smells/smell-links';
import { errorForDisplay } from '@/lib/ui/api-error';
import { filterBySources, matchNodes } from '@/lib/ui/filter-graph';
import { liveState } from '@/lib/ui/live-state';
import { useGraphQuery, useRefetchGraph } from '@/lib/ui/use-graph-query';
import { otlpPortOf, useHealth } from '@/lib/ui/use-health';
import { useSmellsQuery } from '@/lib/ui/use-smells-query';
import { useViewState } from '@/lib/ui/use-view-state';
import { ALL_SOURCES, describeWindow, serializeViewState } from '@/lib/ui/view-state';

import { EmptyState } from './empty-state';
import { GraphError } from './graph-error';
import { HighlightBanner } from './highlight-banner';
import { Legend } from './legend';
import { TopologyCanvas } from './topology-canvas';
import { TopologyToolbar } from './topology-toolbar';
import { TrustStrip } from './trust-strip';

const DEFAULT_OTLP_PORT = 4318;

// The death star page: URL state → graph query (refetched on socket nudges) → source
// filter and search → canvas, side panel and footer. This component only wires; each
// piece owns its own behaviour.
export function TopologyView() {
  const [view, setView] = useViewState();
  const refetchGraph = useRefetchGraph();
  const status = useLiveGraph(refetchGraph);
  const query = useGraphQuery(view.window, status === 'connected');
  // Nudges sent before the socket (re)connected are lost: a batch stored between the first
  // fetch and the connect would stay invisible until the next one. So each connect asks for
  // a fetch that starts after it (useRefetchGraph follows a running fetch with a fresh one).
  useEffect(() => {
    if (status === 'connected') refetchGraph();
  }, [status, refetchGraph]);
  const health = useHealth();
  // A custom window that has ended cannot change: the badge says "paused", not "live".
  const pastWindow = view.window.kind === 'custom' && view.window.toMs <= Date.now();
  const live = liveState(status, { data: health.data, error: health.error }, pastWindow);
  const smells = useSmellsQuery(view.window, Boolean(view.highlight || view.focus));

  const graph = query.data;
  const visible = useMemo(
    () => (graph ? filterBySources(graph, view.sources) : { nodes: [], edges: [] }),
    [graph, view.sources],
  );
  const matches = useMemo(
    () => matchNodes(visible.nodes, view.search),
    [visible.nodes, view.search],
  );
  const nodeMap = useMemo(() => new Map(visible.nodes.map((n) => [n.id, n])), [visible.nodes]);
  const focused = view.focus ? (nodeMap.get(view.focus) ?? null) : null;
  const finding = smells.data?.findings.find((f) => f.id === view.highlight) ?? null;
  const findingLit = useMemo(() => (finding ? findingHighlight(finding) : null), [finding]);
  const lit = useMemo(
    () => new Set([...matches, ...(findingLit?.nodeIds.filter((id) => nodeMap.has(id)) ?? [])]),
    [matches, findingLit, nodeMap],
  );
  // A link to a finding that is not (or not yet) known dims every edge: better than showing
  // unrelated edges as if they were its evidence.
  const litEdges = useMemo(
    () => (view.highlight ? new Set(findingLit?.edgeIds ?? []) : null),
    [view.highlight, findingLit],
  );
  const litEdgeList = useMemo(
    () => (litEdges ? visible.edges.filter((e) => litEdges.has(e.id)) : []),
    [litEdges, visible.edges],
  );
  const nodeFindings = focused
    ? smells.data?.findings.filter(
        (f) => f.services.includes(focused.id) || f.resources.includes(focused.id),
      )
    : undefined;
  const firstMatch = matches.values().next().value ?? lit.values().next().value ?? null;
  const windowLabel = describeWindow(view.window);
  const windowQuery = serializeViewState({
    window: view.window,
    focus: null,
    search: '',
    sources: [...ALL_SOURCES],
    highlight: null,
  });

  const handleSelect = useCallback((id: string | null) => setView({ focus: id }), [setView]);
  const handleSearchSubmit = () => firstMatch && setView({ focus: firstMatch });
  const handleRetry = () => void query.refetch();

  let stage: React.ReactNode;
  if (!graph && query.isError) {
    stage = <GraphError error={query.error} onRetry={handleRetry} />;
  } else if (!graph) {
    stage = (
      <p className="loading" role="status">
        Loading the graph…
      </p>
    );
  } else if (visible.nodes.length === 0 && graph.nodes.length > 0) {
    stage = <p className="empty-filtered">All nodes are hidden by the source filters.</p>;
  } else if (visible.nodes.length === 0) {
    stage = (
      <EmptyState
        otlpPort={otlpPortOf(health.data) ?? DEFAULT_OTLP_PORT}
        windowLabel={windowLabel}
      />
    );
  } else {
    stage = (
      <TopologyCanvas
        nodes={visible.nodes}
        edges={visible.edges}
        matches={lit}
        litEdges={litEdges}
        focus={view.focus}
        centreId={firstMatch}
        onSelect={handleSelect}
      />
    );
  }

  return (
    <div className={`app-shell${focused ? ' with-panel' : ''}`}>
      <TopologyToolbar
        view={view}
        matchCount={matches.size}
        status={status}
        live={live}
        onViewChange={setView}
        onSearchSubmit={handleSearchSubmit}
      />
      <main className="stage" data-testid="stage" aria-busy={query.isFetching}>
        {graph && query.isError && (
          <p className="stale-banner" role="alert">
            Showing the last good graph: {errorForDisplay(query.error).message}
          </p>
        )}
        {view.highlight && (
          <HighlightBanner
            finding={finding}
            loading={smells.isPending}
            litNodes={findingLit?.nodeIds.filter((id) => nodeMap.has(id)).length ?? 0}
            litEdges={litEdgeList.map((e) => ({
              id: e.id,
              source: nodeMap.get(e.source)?.name ?? e.source,
              target: nodeMap.get(e.target)?.name ?? e.target,
            }))}
            smellsHref={smellsHref(view.highlight, windowQuery)}
            onClear={() => setView({ highlight: null })}
          />
        )}
        {stage}
        <Legend />
      </main>
      {focused && (
        <ServicePanel
          node={focused}
          nodes={nodeMap}
          edges={visible.edges}
          windowLabel={windowLabel}
          findings={
            <ServiceFindings
              findings={nodeFindings}
              error={smells.error ? errorForDisplay(smells.error).message : null}
              hrefOf={(f) => smellsHref(f.id, windowQuery)}
            />
          }
          onSelect={handleSelect}
          onClose={() => handleSelect(null)}
        />
      )}
      <TrustStrip trust={graph?.trust} />
    </div>
  );
}
