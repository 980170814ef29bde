'use client';

import { useRef } from 'react';

import { PANEL_MAX_PX, PANEL_MIN_PX } from './use-panel-width';

interface PanelResizerProps {
  width: number;
  onResize: (px: number) => void;
}

const KEY_STEP_PX = 24;

// The panel's left edge: drag it, or focus it and use the arrow keys (a window splitter in
// ARIA terms). The panel sits on the right, so moving the pointer left widens it.
export function PanelResizer({ width, onResize }: PanelResizerProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  const handlePointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: width };
  };
  const handlePointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(drag.current.startWidth + drag.current.startX - e.clientX);
  };
  const handlePointerUp = () => {
    drag.current = null;
  };
  const handleKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: KEY_STEP_PX, ArrowRight: -KEY_STEP_PX }[e.key];
    if (step !== undefined) onResize(width + step);
    else if (e.key === 'Home') onResize(PANEL_MIN_PX);
    else if (e.key === 'End') onResize(PANEL_MAX_PX);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the panel"
      aria-valuenow={width}
      aria-valuemin={PANEL_MIN_PX}
      aria-valuemax={PANEL_MAX_PX}
      tabIndex={0}
      data-testid="panel-resizer"
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={handlePointerUp}
      onPointerCancel={handlePointerUp}
      onKeyDown={handleKeyDown}
    />
  );
}
