'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';

import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import { centreOn, fitTransform, toWorld, type Transform } from '@/lib/ui/viewport';

import { drawScene, type Highlight } from './draw-scene';
import { hitTest } from './hit-test';
import { NodeList } from './node-list';
import { buildScene } from './scene';
import { useCanvasSize } from './use-canvas-size';
import { useForceLayout } from './use-force-layout';
import { useZoomPan } from './use-zoom-pan';

interface TopologyCanvasProps {
  nodes: GraphNode[];
  edges: GraphEdge[];
  matches: ReadonlySet<string>;
  /** Edge ids of a highlighted finding: only these are drawn lit; null when none. */
  litEdges: ReadonlySet<string> | null;
  focus: string | null;
  /** Node to bring to the centre (the first search hit); re-centres when it changes. */
  centreId: string | null;
  onSelect: (id: string | null) => void;
}

export function TopologyCanvas({
  nodes,
  edges,
  matches,
  litEdges,
  focus,
  centreId,
  onSelect,
}: TopologyCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const transform = useRef<Transform>({ k: 1, x: 0, y: 0 });
  const fitted = useRef(false);
  const centred = useRef<string | null>(null);
  const frame = useRef(0);
  const layout = useForceLayout(nodes, edges);
  const size = useCanvasSize(canvas);

  const { positions, version } = layout;
  // The positions ref changes content, not identity; `version` says when it did.
  const scene = useMemo(
    () => buildScene(nodes, edges, positions.current),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [nodes, edges, positions, version],
  );
  const highlight = useMemo<Highlight>(() => {
    const idx = (id: string | null) => (id === null ? -1 : (scene.index.get(id) ?? -1));
    const focusIdx = idx(focus);
    const neighbours = new Set<number>();
    for (const e of scene.edges) {
      if (e.from === focusIdx) neighbours.add(e.to);
      if (e.to === focusIdx) neighbours.add(e.from);
    }
    const hits = new Set([...matches].map(idx).filter((i) => i >= 0));
    const lit = litEdges && new Set(scene.edges.flatMap((e, i) => (litEdges.has(e.id) ? [i] : [])));
    return { matches: hits, focus: focusIdx, neighbours, edges: lit };
  }, [scene, matches, litEdges, focus]);

  const draw = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx || size.width === 0) return;
      const t = transform.current;
      drawScene(ctx, scene, t, size, highlight);
      // Exposed for tests and tools that need to find a node on screen.
      el.dataset.transform = `${t.k},${t.x},${t.y}`;
      el.dataset.layoutVersion = String(layout.version);
    });
  }, [scene, size, highlight, layout.version]);

  const handleClick = useCallback(
    (sx: number, sy: number) => {
      const [wx, wy] = toWorld(transform.current, sx, sy);
      const hit = hitTest(scene, wx, wy);
      onSelect(hit >= 0 ? scene.nodes[hit].id : null);
    },
    [scene, onSelect],
  );
  useZoomPan(canvas, transform, draw, handleClick);

  useEffect(() => {
    if (!fitted.current && scene.nodes.length > 0 && size.width > 0) {
      transform.current = fitTransform(scene.nodes, size);
      fitted.current = true;
    }
    const i = centreId === null ? -1 : (scene.index.get(centreId) ?? -1);
    if (i >= 0 && centred.current !== centreId && size.width > 0) {
      const n = scene.nodes[i];
      transform.current = centreOn(
        transform.current,
        n.x,
        n.y,
        size,
        Math.max(transform.current.k, 1),
      );
    }
    if (i >= 0 || centreId === null) centred.current = centreId;
    draw();
  }, [scene, size, centreId, draw]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return (
    <div className="topology-canvas">
      <canvas
        ref={canvas}
        data-testid="topology-canvas"
        data-layout-pending={layout.pending ? 'true' : 'false'}
        data-lit-edges={highlight.edges ? highlight.edges.size : undefined}
        aria-label={`Dependency graph: ${nodes.length} nodes, ${edges.length} edges`}
        role="img"
      />
      {layout.pending && <p className="layout-pending">Laying out…</p>}
      <NodeList scene={scene} matches={matches} focus={focus} onSelect={onSelect} />
    </div>
  );
}
