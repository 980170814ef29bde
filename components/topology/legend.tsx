import type { NodeKind } from '@/lib/topology/types';
import { ERROR_BINS } from '@/lib/ui/visual-scale';

import { KIND_LABELS, shapePoints } from './node-shapes';

const KINDS: NodeKind[] = ['service', 'database', 'queue', 'external', 'unknown-caller'];

function KindIcon({ kind }: { kind: NodeKind }) {
  const points = shapePoints(kind, 6);
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
      {points ? (
        <polygon points={points.map((p) => p.join(',')).join(' ')} fill="#8b949e" />
      ) : (
        <circle r="6" fill="#8b949e" />
      )}
    </svg>
  );
}

function EdgeSample({ dash }: { dash: string }) {
  return (
    <svg width="28" height="8" aria-hidden="true">
      <line x1="0" y1="4" x2="28" y2="4" stroke="#8b949e" strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

export function Legend() {
  return (
    <aside className="legend" aria-label="Legend" data-testid="legend">
      <ul>
        {KINDS.map((k) => (
          <li key={k}>
            <KindIcon kind={k} /> {KIND_LABELS[k]}
          </li>
        ))}
      </ul>
      <ul>
        {ERROR_BINS.map((b) => (
          <li key={b.label}>
            <span className="swatch" style={{ background: b.color }} aria-hidden="true" /> errors{' '}
            {b.label}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <EdgeSample dash="" /> traced
        </li>
        <li>
          <EdgeSample dash="6 4" /> observed
        </li>
        <li>
          <EdgeSample dash="2 4" /> declared
        </li>
        <li className="muted">size = traffic, width = rate, tint = group</li>
      </ul>
    </aside>
  );
}
