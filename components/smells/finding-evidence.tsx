'use client';

import Link from 'next/link';

import { deathStarHref } from '@/lib/smells/smell-links';
import type { Finding } from '@/lib/smells/types';

import { evidenceLabel, formatEvidenceValue } from './evidence-labels';
import { EvidenceTable } from './evidence-table';
import styles from './smells.module.css';

interface FindingEvidenceProps {
  finding: Finding;
  names: Map<string, string>;
  windowQuery: string;
  onClose: () => void;
}

function LoopPath({ loop }: { loop: string[] }) {
  return (
    <ol className={styles.loop} aria-label="The loop in call order" data-testid="loop">
      {[...loop, loop[0]].map((name, i) => (
        <li key={i} title={name}>
          {name}
        </li>
      ))}
    </ol>
  );
}

// The selected finding: why, fix, a link that lights it up on the death star, and its
// evidence — accessors of a shared database as a table, a cycle as its loop in order.
export function FindingEvidence({ finding, names, windowQuery, onClose }: FindingEvidenceProps) {
  const { evidence } = finding;
  const loop = Array.isArray(evidence.loop) ? (evidence.loop as string[]) : null;
  const rows = Object.entries(evidence).filter(
    ([key, v]) =>
      key !== 'loop' && key !== 'loopNodes' && !(Array.isArray(v) && typeof v[0] === 'object'),
  );
  const tables = Object.entries(evidence).filter(
    ([, v]) => Array.isArray(v) && typeof v[0] === 'object',
  );
  const serviceNames = finding.services.map((id) => names.get(id) ?? id).join(', ');

  return (
    <aside className={styles.evidence} aria-label="Evidence" data-testid="finding-evidence">
      <header>
        <h2 title={finding.title}>{finding.title}</h2>
        <button type="button" onClick={onClose} aria-label="Close evidence">
          ×
        </button>
      </header>
      <p>
        <span className={`${styles.badge} ${styles[finding.severity]}`}>{finding.severity}</span>{' '}
        <code>{finding.code}</code>
      </p>
      <p>
        <strong>Why it hurts:</strong> {finding.why}
      </p>
      <p>
        <strong>What usually fixes it:</strong> {finding.fix}
      </p>
      <p>
        <Link href={deathStarHref(finding, windowQuery)} data-testid="show-on-graph">
          Show on the graph ({finding.services.length} services, {finding.edges.length} edges)
        </Link>
      </p>
      {loop && <LoopPath loop={loop} />}
      {tables.map(([key, value]) => (
        <EvidenceTable
          key={key}
          field={key}
          rows={value as Array<Record<string, string | number | boolean | null>>}
        />
      ))}
      <dl className={styles.facts}>
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{evidenceLabel(key)}</dt>
            <dd className={styles.clamp} title={withNames(formatEvidenceValue(key, value), names)}>
              {withNames(formatEvidenceValue(key, value), names)}
            </dd>
          </div>
        ))}
      </dl>
      <p className={`${styles.muted} ${styles.clamp}`} title={serviceNames}>
        Services: {serviceNames}
      </p>
    </aside>
  );
}

const EDGE_ID = /\b([0-9a-f]{16})>([0-9a-f]{16})>(rpc|messaging|database)\b/g;

/** Edge ids in evidence (`source>target>type`) read as `name → name (type)`. */
function withNames(text: string, names: Map<string, string>): string {
  return text.replace(EDGE_ID, (id, source: string, target: string, type: string) =>
    names.has(source) || names.has(target)
      ? `${names.get(source) ?? source} → ${names.get(target) ?? target} (${type})`
      : id,
  );
}
