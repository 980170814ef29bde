'use client';

import { useCallback, useEffect, useState } from 'react';

// The side panel's width in CSS pixels. It survives closing and reopening the panel (and a
// reload) through localStorage; read after mount, so server and first client render agree.

export const PANEL_MIN_PX = 360;
export const PANEL_MAX_PX = 900;
export const PANEL_DEFAULT_PX = 460;
const STORAGE_KEY = 'orrery.panelWidthPx';

export function clampPanelWidth(px: number): number {
  if (!Number.isFinite(px)) return PANEL_DEFAULT_PX;
  return Math.round(Math.min(PANEL_MAX_PX, Math.max(PANEL_MIN_PX, px)));
}

export function usePanelWidth(): [number, (px: number) => void] {
  const [width, setWidth] = useState(PANEL_DEFAULT_PX);

  useEffect(() => {
    const stored = Number(window.localStorage.getItem(STORAGE_KEY));
    if (stored) setWidth(clampPanelWidth(stored));
  }, []);

  const update = useCallback((px: number) => {
    const next = clampPanelWidth(px);
    setWidth(next);
    window.localStorage.setItem(STORAGE_KEY, String(next));
  }, []);

  return [width, update];
}
