'use client';

import { useEffect, useRef } from 'react';

import { panBy, type Transform, zoomAt } from '@/lib/ui/viewport';

// Wheel zooms around the cursor, drag pans, a press without movement is a click. The
// transform lives in a ref and every change only schedules a redraw: re-rendering React
// on each pointer move would cost more than the frame itself.

const CLICK_SLOP_PX = 4;

export function useZoomPan(
  canvas: React.RefObject<HTMLCanvasElement | null>,
  transform: React.RefObject<Transform>,
  onChange: () => void,
  onClick: (sx: number, sy: number) => void,
): void {
  const handlers = useRef({ onChange, onClick });
  handlers.current = { onChange, onClick };

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let drag: { x: number; y: number; moved: boolean; id: number } | null = null;

    const local = (e: MouseEvent): [number, number] => {
      const rect = el.getBoundingClientRect();
      return [e.clientX - rect.left, e.clientY - rect.top];
    };
    const handleWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [sx, sy] = local(e);
      transform.current = zoomAt(transform.current, Math.exp(-e.deltaY * 0.0015), sx, sy);
      handlers.current.onChange();
    };
    const handleDown = (e: PointerEvent) => {
      drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
      el.setPointerCapture(e.pointerId);
    };
    const handleMove = (e: PointerEvent) => {
      if (!drag || drag.id !== e.pointerId) return;
      const [dx, dy] = [e.clientX - drag.x, e.clientY - drag.y];
      if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
      drag.moved = true;
      transform.current = panBy(transform.current, dx, dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
      el.style.cursor = 'grabbing';
      handlers.current.onChange();
    };
    const handleUp = (e: PointerEvent) => {
      if (!drag || drag.id !== e.pointerId) return;
      if (!drag.moved) handlers.current.onClick(...local(e));
      drag = null;
      el.style.cursor = '';
    };

    el.addEventListener('wheel', handleWheel, { passive: false });
    el.addEventListener('pointerdown', handleDown);
    el.addEventListener('pointermove', handleMove);
    el.addEventListener('pointerup', handleUp);
    el.addEventListener('pointercancel', handleUp);
    return () => {
      el.removeEventListener('wheel', handleWheel);
      el.removeEventListener('pointerdown', handleDown);
      el.removeEventListener('pointermove', handleMove);
      el.removeEventListener('pointerup', handleUp);
      el.removeEventListener('pointercancel', handleUp);
    };
  }, [canvas, transform]);
}
