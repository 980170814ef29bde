'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

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

export function useRefetchGraph(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: ['graph'] }), [client]);
}
