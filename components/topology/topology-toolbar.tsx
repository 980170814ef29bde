'use client';

import Link from 'next/link';

import { smellsHref } from '@/lib/smells/smell-links';
import type { LiveStatus } from '@/lib/realtime/client';
import type { LiveState } from '@/lib/ui/live-state';
import { serializeViewState, type ViewState } from '@/lib/ui/view-state';
import type { HistoryMode } from '@/lib/ui/use-view-state';

import { LiveIndicator } from './live-indicator';
import { SearchBox } from './search-box';
import { SourceToggles } from './source-toggles';
import { WindowPicker } from './window-picker';

interface TopologyToolbarProps {
  view: ViewState;
  matchCount: number;
  status: LiveStatus;
  live: LiveState;
  onViewChange: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
  onSearchSubmit: () => void;
}

export function TopologyToolbar({
  view,
  matchCount,
  status,
  live,
  onViewChange,
  onSearchSubmit,
}: TopologyToolbarProps) {
  return (
    <header className="toolbar">
      <h1 className="brand">Orrery</h1>
      <SearchBox
        value={view.search}
        matchCount={matchCount}
        onChange={(search) => onViewChange({ search }, 'replace')}
        onSubmit={onSearchSubmit}
      />
      <WindowPicker value={view.window} onChange={(window) => onViewChange({ window })} />
      <SourceToggles value={view.sources} onChange={(sources) => onViewChange({ sources })} />
      <Link
        href={smellsHref(
          null,
          serializeViewState({ ...view, focus: null, search: '', highlight: null }),
        )}
        data-testid="smells-link"
      >
        Coupling smells
      </Link>
      <LiveIndicator state={live} socket={status} />
    </header>
  );
}
