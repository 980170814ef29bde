'use client';

import { useEffect, useMemo, useRef, useState } from 'react';

import type { GraphEdge, GraphNode } from '@/lib/graph/types';
import type { LayoutPositions } from '@/lib/ui/force-layout';
import { nodeRadius } from '@/lib/ui/visual-scale';

import type { LayoutReply, LayoutRequest } from './layout.worker';

// Owns the layout worker. Positions live in a ref (the canvas reads them every frame);
// `version` bumps when a new layout lands so dependants can rebuild their scene. Only a
// change of the graph's *structure* (node or edge set) triggers a layout: a refetch that
// only changes counts keeps every node where it is.

export const LAYOUT_SEED = 42;

export interface ForceLayout {
  positions: React.RefObject<LayoutPositions>;
  version: number;
  pending: boolean;
}

export function useForceLayout(nodes: GraphNode[], edges: GraphEdge[]): ForceLayout {
  const positions = useRef<LayoutPositions>({});
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(false);

  const structure = useMemo(
    () =>
      nodes
        .map((n) => n.id)
        .sort()
        .join(',') +
      '|' +
      edges
        .map((e) => e.id)
        .sort()
        .join(','),
    [nodes, edges],
  );

  useEffect(() => {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<LayoutReply>) => {
      if (event.data.requestId !== latest.current) return; // superseded by a newer graph
      positions.current = event.data.positions;
      setPending(false);
      setVersion((v) => v + 1);
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const w = worker.current;
    if (!w) return;
    latest.current += 1;
    setPending(true);
    const request: LayoutRequest = {
      requestId: latest.current,
      input: {
        nodes: nodes.map((n) => ({ id: n.id, radius: nodeRadius(n), group: n.group })),
        links: edges.map((e) => ({ source: e.source, target: e.target })),
        previous: positions.current,
        seed: LAYOUT_SEED,
      },
    };
    w.postMessage(request);
    // nodes/edges are read through `structure`: counts alone must not relayout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [structure]);

  return { positions, version, pending };
}
