'use client';

import { SEVERITIES, type Finding } from '@/lib/smells/types';

import styles from './smells.module.css';

interface FindingListProps {
  findings: Finding[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const HEADINGS = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' } as const;

// Findings grouped by severity, most severe first. Titles hold service names: rendered as
// text (React escapes them), never as markup.
export function FindingList({ findings, selectedId, onSelect }: FindingListProps) {
  return (
    <div className={styles.list}>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={`${HEADINGS[severity]} severity`}>
            <h2 className={styles[severity]}>
              {HEADINGS[severity]} <span className={styles.count}>{group.length}</span>
            </h2>
            <ul>
              {group.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    data-testid="finding"
                    data-finding-id={f.id}
                    aria-pressed={f.id === selectedId}
                    className={f.id === selectedId ? styles.selected : undefined}
                    onClick={() => onSelect(f.id)}
                  >
                    <span className={styles.title} title={f.title}>
                      {f.title}
                    </span>
                    <span className={styles.why} title={f.why}>
                      {f.why}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
