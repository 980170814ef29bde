'use client';

import { useEffect, useState } from 'react';

export interface CanvasSize {
  width: number; // CSS pixels
  height: number;
  dpr: number;
}

/** Tracks the canvas's CSS box and keeps its backing store at device resolution. */
export function useCanvasSize(canvas: React.RefObject<HTMLCanvasElement | null>): CanvasSize {
  const [size, setSize] = useState<CanvasSize>({ width: 0, height: 0, dpr: 1 });

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const update = () => {
      const rect = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      el.width = Math.max(1, Math.round(rect.width * dpr));
      el.height = Math.max(1, Math.round(rect.height * dpr));
      setSize({ width: rect.width, height: rect.height, dpr });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [canvas]);

  return size;
}
