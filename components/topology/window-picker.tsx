'use client';

import { useId, useState } from 'react';

import {
  resolveWindow,
  type TimeWindow,
  WINDOW_PRESETS,
  type WindowPreset,
} from '@/lib/ui/view-state';

interface WindowPickerProps {
  value: TimeWindow;
  onChange: (window: TimeWindow) => void;
}

const LABELS: Record<WindowPreset, string> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
};

// <input type="datetime-local"> speaks local wall-clock time without a zone.
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}
function fromLocalInput(value: string): number {
  return value ? new Date(value).getTime() : Number.NaN;
}

/** Why a custom range cannot be applied, in words, or null when it can. */
export function customRangeProblem(fromMs: number, toMs: number): string | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 'Enter both From and To.';
  if (toMs <= fromMs) return 'From must be before To.';
  return null;
}

export function WindowPicker({ value, onChange }: WindowPickerProps) {
  const [custom, setCustom] = useState(value.kind === 'custom');
  const initial = resolveWindow(value, Date.now());
  const [from, setFrom] = useState(toLocalInput(initial.fromMs));
  const [to, setTo] = useState(toLocalInput(initial.toMs));
  const selected = custom ? 'custom' : value.kind === 'preset' ? value.preset : 'custom';
  const fromMs = fromLocalInput(from);
  const toMs = fromLocalInput(to);
  const problem = customRangeProblem(fromMs, toMs);
  const errorId = useId();
  const invalid = problem !== null;

  const handleSelect = (e: React.ChangeEvent<HTMLSelectElement>) => {
    if (e.target.value === 'custom') return setCustom(true);
    setCustom(false);
    onChange({ kind: 'preset', preset: e.target.value as WindowPreset });
  };
  const handleApply = (e: React.FormEvent) => {
    e.preventDefault();
    if (!invalid) onChange({ kind: 'custom', fromMs, toMs });
  };

  return (
    <form className="window-picker" onSubmit={handleApply}>
      <select
        aria-label="Time window"
        value={selected}
        onChange={handleSelect}
        data-testid="window"
      >
        {WINDOW_PRESETS.map((p) => (
          <option key={p} value={p}>
            {LABELS[p]}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {selected === 'custom' && (
        <>
          <label>
            From{' '}
            <input
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
              data-testid="window-from"
            />
          </label>
          <label>
            To{' '}
            <input
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
              data-testid="window-to"
            />
          </label>
          <button type="submit" disabled={invalid} aria-describedby={invalid ? errorId : undefined}>
            Apply
          </button>
          {problem && (
            <span id={errorId} className="field-error" role="alert" data-testid="window-error">
              {problem}
            </span>
          )}
        </>
      )}
    </form>
  );
}
