import Link from 'next/link';

import type { Finding } from '@/lib/smells/types';

interface ServiceFindingsProps {
  findings: Finding[] | undefined;
  error: string | null;
  hrefOf: (finding: Finding) => string;
}

/** The service's own smell findings, each linking to its evidence on /smells. */
export function ServiceFindings({ findings, error, hrefOf }: ServiceFindingsProps) {
  if (error) return <p className="muted">Findings unavailable: {error}</p>;
  if (!findings) return <p className="muted">Loading findings…</p>;
  return (
    <>
      <h3>
        Findings <span className="muted">({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="muted">No coupling smells involve this node in this window.</p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li key={f.id} data-testid="service-finding" data-severity={f.severity}>
              <span className={`severity severity-${f.severity}`}>{f.severity}</span>{' '}
              <Link href={hrefOf(f)} title={f.title}>
                {f.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
