'use client';

import { useEffect, useRef, useState } from 'react';

import { syntheticGraph } from '@/lib/ui/synthetic-graph';
import { syntheticLayout } from '@/lib/ui/synthetic-layout';
import { fitTransform } from '@/lib/ui/viewport';

import { drawScene, NO_HIGHLIGHT } from './draw-scene';
import { buildScene } from './scene';

export interface BenchResult {
  mode: 'graph' | 'baseline';
  nodes: number;
  edges: number;
  frames: number;
  msPerFrame: number; // mean interval between animation frames
  fps: number;
  drawMsMean: number; // CPU time inside the draw call
  drawMsP95: number;
}

// Redraws the death star's real drawing code every animation frame while panning slowly,
// as a user dragging the graph would. `baseline` runs the same loop but only clears the
// canvas, so the machine's own frame pacing can be subtracted out by the caller.
export function BenchCanvas({
  n,
  frames,
  mode,
}: {
  n: number;
  frames: number;
  mode: BenchResult['mode'];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [result, setResult] = useState<BenchResult | null>(null);

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    const size = { width: el.clientWidth, height: el.clientHeight, dpr: 1 };
    el.width = size.width;
    el.height = size.height;
    const graph = syntheticGraph(n, 7);
    const scene = buildScene(graph.nodes, graph.edges, syntheticLayout(graph, 7));
    const base = fitTransform(scene.nodes, size);
    const intervals: number[] = [];
    const draws: number[] = [];
    let last = 0;
    let frame = 0;
    let handle = 0;

    const tick = (now: number) => {
      if (last) intervals.push(now - last);
      last = now;
      const t = { ...base, x: base.x + Math.sin(frame / 20) * 30 };
      const started = performance.now();
      if (mode === 'graph') drawScene(ctx, scene, t, size, NO_HIGHLIGHT);
      else ctx.clearRect(0, 0, size.width, size.height);
      ctx.getImageData(0, 0, 1, 1); // force the frame's raster work into the measurement
      draws.push(performance.now() - started);
      if (++frame <= frames) {
        handle = requestAnimationFrame(tick);
        return;
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const msPerFrame = mean(intervals);
      const sorted = [...draws].sort((a, b) => a - b);
      setResult({
        mode,
        nodes: scene.nodes.length,
        edges: scene.edges.length,
        frames: intervals.length,
        msPerFrame,
        fps: 1000 / msPerFrame,
        drawMsMean: mean(draws),
        drawMsP95: sorted[Math.floor(sorted.length * 0.95)],
      });
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [n, frames, mode]);

  return (
    <>
      <canvas ref={canvas} style={{ width: '100vw', height: '100vh', display: 'block' }} />
      {result && (
        <pre data-testid="bench-result" style={{ position: 'fixed', top: 0, left: 0, margin: 0 }}>
          {JSON.stringify(result)}
        </pre>
      )}
    </>
  );
}
