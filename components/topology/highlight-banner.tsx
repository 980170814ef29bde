'use client';

import Link from 'next/link';

import type { Finding } from '@/lib/smells/types';

import styles from './highlight-banner.module.css';

interface HighlightBannerProps {
  /** The finding named by `?highlight=`, or null when it is not (or not yet) known. */
  finding: Finding | null;
  loading: boolean;
  /** How many of its services and edges are on the canvas (source filters may hide some). */
  litNodes: number;
  litEdges: Array<{ id: string; source: string; target: string }>;
  smellsHref: string;
  onClear: () => void;
}

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

// Says in words what the amber rings and edges on the canvas mean, so the highlight is not
// colour alone, and gives the way out of it. The title holds service names: text, not HTML.
export function HighlightBanner({
  finding,
  loading,
  litNodes,
  litEdges,
  smellsHref,
  onClear,
}: HighlightBannerProps) {
  let message: React.ReactNode;
  if (finding) {
    message = (
      <>
        <span
          className={styles.title}
          data-testid="highlight-title"
          title={`Showing finding: ${finding.title}`}
        >
          Showing finding: {finding.title}
        </span>
        <span className={styles.counts} data-testid="highlight-counts">
          {`${litNodes} ${plural(litNodes, 'node')}, ${litEdges.length} ${plural(litEdges.length, 'edge')} lit`}
        </span>
        <ul className="sr-only" aria-label="Highlighted edges" data-testid="highlight-edges">
          {litEdges.map((e) => (
            <li key={e.id} data-edge-id={e.id}>{`${e.source} → ${e.target}`}</li>
          ))}
        </ul>
        <Link href={smellsHref}>Evidence</Link>
      </>
    );
  } else if (loading) {
    message = <span className={styles.title}>Loading the finding…</span>;
  } else {
    message = <span className={styles.title}>That finding is not in this window.</span>;
  }

  return (
    <div className={styles.banner} role="status" data-testid="highlight-banner">
      {message}
      <button type="button" onClick={onClear} aria-label="Clear the highlight">
        Clear
      </button>
    </div>
  );
}
