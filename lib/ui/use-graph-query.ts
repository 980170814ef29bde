'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

import { fetchGraph } from './fetch-graph';
import { resolveWindow, type TimeWindow, windowKey } from './view-state';

// The graph of the chosen window. Relative windows are keyed by their preset and resolved
// against "now" at fetch time, so a live refetch slides the window forward. While the
// socket is down we poll instead, so the page never silently freezes.

const POLL_WHEN_OFFLINE_MS = 10_000;

export function graphQueryKey(window: TimeWindow): readonly unknown[] {
  return ['graph', windowKey(window)];
}

export function useGraphQuery(window: TimeWindow, live: boolean) {
  return useQuery({
    queryKey: graphQueryKey(window),
    queryFn: ({ signal }) => fetchGraph(resolveWindow(window, Date.now()), signal),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : POLL_WHEN_OFFLINE_MS,
    retry: 1,
  });
}

/**
 * A refetch that never starves: a nudge that arrives while a fetch is running does not
 * cancel it (a steady stream of nudges would then keep the page loading forever). The
 * running fetch may predate the nudge, so one more fetch follows it; nudges that arrive
 * meanwhile are folded into that one.
 */
export function useRefetchGraph(): () => void {
  const client = useQueryClient();
  const state = useRef({ running: false, again: false });
  return useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    // A fetch already running is joined first, then followed by a fresh one.
    let joined = client.isFetching({ queryKey: ['graph'] }) > 0;
    void (async () => {
      do {
        s.again = false;
        await client
          .refetchQueries({ queryKey: ['graph'], type: 'active' }, { cancelRefetch: false })
          .catch(() => undefined);
        if (joined) {
          joined = false;
          s.again = true;
        }
      } while (s.again);
      s.running = false;
    })();
  }, [client]);
}
