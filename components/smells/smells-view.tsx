'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';

import { WindowPicker } from '@/components/topology/window-picker';
import { fetchSmells } from '@/lib/smells/fetch-smells';
import { smellsHref } from '@/lib/smells/smell-links';
import { errorForDisplay } from '@/lib/ui/api-error';
import {
  describeWindow,
  parseViewState,
  resolveWindow,
  serializeViewState,
  type TimeWindow,
  windowKey,
} from '@/lib/ui/view-state';

import { FindingEvidence } from './finding-evidence';
import { FindingList } from './finding-list';
import { SmellSummary } from './smell-summary';
import styles from './smells.module.css';

// The smells page: URL (window + selected finding) → /api/smells → summary, list by severity
// and the evidence of the selected finding. Everything a retro needs is in the link.
export function SmellsView() {
  const params = useSearchParams();
  const router = useRouter();
  const view = useMemo(() => parseViewState(new URLSearchParams(params.toString())), [params]);
  const selectedId = params.get('finding');
  const windowQuery = serializeViewState({
    ...view,
    focus: null,
    search: '',
    sources: ['traced', 'observed', 'declared'],
  });
  const query = useQuery({
    queryKey: ['smells', windowKey(view.window)],
    queryFn: ({ signal }) => fetchSmells(resolveWindow(view.window, Date.now()), signal),
    // A rolling window moves on: re-evaluate it now and then; a custom (past) one is fixed.
    refetchInterval: view.window.kind === 'preset' ? 15_000 : false,
  });

  const data = query.data;
  const names = useMemo(() => new Map((data?.nodes ?? []).map((n) => [n.id, n.name])), [data]);
  const selected = data?.findings.find((f) => f.id === selectedId) ?? null;

  const handleWindow = (window: TimeWindow) => {
    router.push(smellsHref(selectedId, serializeViewState({ ...view, window })), { scroll: false });
  };
  const handleSelect = (id: string | null) => {
    router.push(smellsHref(id, windowQuery), { scroll: false });
  };

  let body: React.ReactNode;
  if (query.isError && !data) {
    const { message, status } = errorForDisplay(query.error);
    body = (
      <div role="alert" className={styles.error} data-testid="smells-error">
        <p>{message}</p>
        {status && <p className={styles.muted}>HTTP status: {status}</p>}
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  } else if (!data) {
    body = <p role="status">Looking for smells…</p>;
  } else if (data.findings.length === 0) {
    body = <p className={styles.empty}>No coupling smells in {describeWindow(view.window)}.</p>;
  } else {
    body = (
      <div className={styles.columns}>
        <div>
          <SmellSummary response={data} names={names} />
          <FindingList findings={data.findings} selectedId={selectedId} onSelect={handleSelect} />
        </div>
        {selected ? (
          <FindingEvidence
            finding={selected}
            names={names}
            windowQuery={windowQuery}
            onClose={() => handleSelect(null)}
          />
        ) : (
          <p className={styles.hint}>Pick a finding to see its evidence.</p>
        )}
      </div>
    );
  }

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>Coupling smells</h1>
        <WindowPicker value={view.window} onChange={handleWindow} />
        <Link href={windowQuery ? `/?${windowQuery}` : '/'}>Back to the graph</Link>
      </header>
      {body}
    </main>
  );
}
