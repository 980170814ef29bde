'use client';

import { useState } from 'react';

import {
  resolveWindow,
  type TimeWindow,
  WINDOW_PRESETS,
  type WindowPreset,
} from '@/lib/ui/view-state';

import { CustomRangeFields, customRangeProblem } from './custom-range-fields';

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

export function WindowPicker({ value, onChange }: WindowPickerProps) {
  const [custom, setCustom] = useState(value.kind === 'custom');
  const initial = resolveWindow(value, Date.now());
  const [from, setFrom] = useState(toLocalInput(initial.fromMs));
  const [to, setTo] = useState(toLocalInput(initial.toMs));
  const selected = custom ? 'custom' : value.kind === 'preset' ? value.preset : 'custom';
  const fromMs = fromLocalInput(from);
  const toMs = fromLocalInput(to);
  // The inputs hold whole minutes: a linked window of seconds shows From = To without
  // being wrong. Until the user edits them, Apply re-applies the linked window exactly.
  const [touched, setTouched] = useState(false);
  const keepLinked = !touched && value.kind === 'custom';
  const problem = keepLinked ? null : customRangeProblem(fromMs, toMs);

  const handleSelect = (e: React.ChangeEvent<HTMLSelectElement>) => {
    if (e.target.value === 'custom') return setCustom(true);
    setCustom(false);
    onChange({ kind: 'preset', preset: e.target.value as WindowPreset });
  };
  const handleFrom = (v: string) => {
    setTouched(true);
    setFrom(v);
  };
  const handleTo = (v: string) => {
    setTouched(true);
    setTo(v);
  };
  const handleApply = (e: React.FormEvent) => {
    e.preventDefault();
    if (keepLinked) onChange(value);
    else if (!problem) onChange({ kind: 'custom', fromMs, toMs });
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
        <CustomRangeFields
          from={from}
          to={to}
          problem={problem}
          onFromChange={handleFrom}
          onToChange={handleTo}
        />
      )}
    </form>
  );
}
