'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

import { parseViewState, serializeViewState, type ViewState } from './view-state';

// The URL is the single store of the page's view. `push` for choices the user may want to
// go back from (window, focus, sources); `replace` for typing in the search box, so that
// back does not step through every keystroke.

export type HistoryMode = 'push' | 'replace';

export function useViewState(): [
  ViewState,
  (patch: Partial<ViewState>, mode?: HistoryMode) => void,
] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => parseViewState(new URLSearchParams(params.toString())), [params]);

  const update = useCallback(
    (patch: Partial<ViewState>, mode: HistoryMode = 'push') => {
      const query = serializeViewState({ ...view, ...patch });
      const href = query ? `${pathname}?${query}` : pathname;
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [view, pathname, router],
  );

  return [view, update];
}
