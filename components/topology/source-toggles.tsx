'use client';

import type { EdgeOrigin } from '@/lib/topology/types';
import { ALL_SOURCES } from '@/lib/ui/view-state';

const LABELS: Record<EdgeOrigin, string> = {
  traced: 'Traced',
  observed: 'Observed (TCP)',
  declared: 'Declared',
};

interface SourceTogglesProps {
  value: EdgeOrigin[];
  onChange: (sources: EdgeOrigin[]) => void;
}

export function SourceToggles({ value, onChange }: SourceTogglesProps) {
  const handleToggle = (source: EdgeOrigin) => {
    const next = value.includes(source) ? value.filter((s) => s !== source) : [...value, source];
    onChange(ALL_SOURCES.filter((s) => next.includes(s)));
  };

  return (
    <fieldset className="source-toggles">
      <legend className="sr-only">Edge sources</legend>
      {ALL_SOURCES.map((s) => (
        <label key={s} className={`source-toggle origin-${s}`}>
          <input
            type="checkbox"
            checked={value.includes(s)}
            onChange={() => handleToggle(s)}
            data-testid={`source-${s}`}
          />
          {LABELS[s]}
        </label>
      ))}
    </fieldset>
  );
}
