'use client';

import { useId } from 'react';

interface CustomRangeFieldsProps {
  from: string; // datetime-local values
  to: string;
  /** Why the range cannot be applied, or null; shown next to Apply and tied to the inputs. */
  problem: string | null;
  onFromChange: (value: string) => void;
  onToChange: (value: string) => void;
}

/** Why a custom range cannot be applied, in words, or null when it can. */
export function customRangeProblem(fromMs: number, toMs: number): string | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 'Enter both From and To.';
  if (toMs <= fromMs) return 'From must be before To.';
  return null;
}

// From, To and Apply of the custom window. A disabled Apply says why, in a message the
// inputs and the button point at (aria-describedby), so a screen reader hears it too.
export function CustomRangeFields({
  from,
  to,
  problem,
  onFromChange,
  onToChange,
}: CustomRangeFieldsProps) {
  const errorId = useId();
  const invalid = problem !== null;
  const describedBy = invalid ? errorId : undefined;

  return (
    <>
      <label>
        From{' '}
        <input
          type="datetime-local"
          value={from}
          onChange={(e) => onFromChange(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid="window-from"
        />
      </label>
      <label>
        To{' '}
        <input
          type="datetime-local"
          value={to}
          onChange={(e) => onToChange(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid="window-to"
        />
      </label>
      <button type="submit" disabled={invalid} aria-describedby={describedBy}>
        Apply
      </button>
      {problem && (
        <span id={errorId} className="field-error" role="alert" data-testid="window-error">
          {problem}
        </span>
      )}
    </>
  );
}
