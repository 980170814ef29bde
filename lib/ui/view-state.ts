import type { EdgeOrigin } from '@/lib/topology/types';

// The page's state lives in the query string so that a link reproduces the view and the
// browser's back/forward walks through it. This module is the only translator between
// URLSearchParams and the typed view; anything unparseable falls back to the default
// rather than breaking the page (a hand-edited link must still open something).

export const WINDOW_PRESETS = ['5m', '15m', '1h', '6h', '24h'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];
export const ALL_SOURCES: readonly EdgeOrigin[] = ['traced', 'observed', 'declared'];

export const PRESET_MS: Record<WindowPreset, number> = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '6h': 6 * 60 * 60_000,
  '24h': 24 * 60 * 60_000,
};

export type TimeWindow =
  { kind: 'preset'; preset: WindowPreset } | { kind: 'custom'; fromMs: number; toMs: number };

export interface ViewState {
  window: TimeWindow;
  focus: string | null;
  search: string;
  sources: EdgeOrigin[];
  /** A smell finding whose services `/` lights up (links from /smells). */
  highlight: string | null;
}

export const DEFAULT_WINDOW: TimeWindow = { kind: 'preset', preset: '15m' };

function parseWindow(params: URLSearchParams): TimeWindow {
  const w = params.get('w');
  if (w === 'custom') {
    const fromMs = Number(params.get('from'));
    const toMs = Number(params.get('to'));
    if (Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs >= 0 && toMs > fromMs) {
      return { kind: 'custom', fromMs, toMs };
    }
    return DEFAULT_WINDOW;
  }
  return (WINDOW_PRESETS as readonly string[]).includes(w ?? '')
    ? { kind: 'preset', preset: w as WindowPreset }
    : DEFAULT_WINDOW;
}

function parseSources(raw: string | null): EdgeOrigin[] {
  if (raw === null) return [...ALL_SOURCES];
  const wanted = new Set(raw.split(','));
  return ALL_SOURCES.filter((s) => wanted.has(s));
}

export function parseViewState(params: URLSearchParams): ViewState {
  return {
    window: parseWindow(params),
    focus: params.get('focus') || null,
    search: params.get('q') ?? '',
    sources: parseSources(params.get('src')),
    highlight: params.get('highlight') || null,
  };
}

/** Only non-default values are written, so the plain `/` stays the default view. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.window.kind === 'custom') {
    params.set('w', 'custom');
    params.set('from', String(Math.round(view.window.fromMs)));
    params.set('to', String(Math.round(view.window.toMs)));
  } else if (view.window.preset !== '15m') {
    params.set('w', view.window.preset);
  }
  if (view.focus) params.set('focus', view.focus);
  if (view.search) params.set('q', view.search);
  if (view.sources.length !== ALL_SOURCES.length) params.set('src', view.sources.join(','));
  if (view.highlight) params.set('highlight', view.highlight);
  return params.toString();
}

/** The concrete range to ask the API for; relative windows end now. */
export function resolveWindow(window: TimeWindow, nowMs: number): { fromMs: number; toMs: number } {
  if (window.kind === 'custom') return { fromMs: window.fromMs, toMs: window.toMs };
  return { fromMs: nowMs - PRESET_MS[window.preset], toMs: nowMs };
}

/** A stable cache key: relative windows are keyed by their preset, not by "now". */
export function windowKey(window: TimeWindow): string {
  return window.kind === 'custom' ? `custom:${window.fromMs}-${window.toMs}` : window.preset;
}

const PRESET_LABELS: Record<WindowPreset, string> = {
  '5m': 'the last 5 minutes',
  '15m': 'the last 15 minutes',
  '1h': 'the last hour',
  '6h': 'the last 6 hours',
  '24h': 'the last 24 hours',
};

export function describeWindow(window: TimeWindow): string {
  if (window.kind === 'preset') return PRESET_LABELS[window.preset];
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${fmt(window.fromMs)} – ${fmt(window.toMs)} UTC`;
}
