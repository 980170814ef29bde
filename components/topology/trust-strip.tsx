import type { GraphTrust } from '@/lib/graph/types';
import { formatCount } from '@/lib/ui/format';

// How far the graph can be trusted: spans that could not be paired with their other half,
// that expired waiting for it, or were rejected, are evidence the picture is incomplete.
const FIELDS: Array<[keyof GraphTrust, string]> = [
  ['received', 'received'],
  ['paired', 'paired'],
  ['unpaired', 'unpaired'],
  ['expired', 'expired'],
  ['rejected', 'rejected'],
];

export function TrustStrip({ trust }: { trust: GraphTrust | undefined }) {
  return (
    <footer className="trust-strip" data-testid="trust" aria-label="Data trust">
      <span className="muted">Spans in window:</span>
      {FIELDS.map(([key, label]) => (
        <span key={key} className={`trust-${key}`}>
          {label}{' '}
          <strong data-testid={`trust-${key}`}>{trust ? formatCount(trust[key]) : '–'}</strong>
        </span>
      ))}
    </footer>
  );
}
