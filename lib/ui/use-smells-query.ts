'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchSmells } from '@/lib/smells/fetch-smells';

import { resolveWindow, type TimeWindow, windowKey } from './view-state';

// Findings of the window, for the service panel and for `?highlight=<finding>` links from
// /smells. Only fetched when something on the page needs them: evaluating smells costs
// more than reading the graph.
export function useSmellsQuery(window: TimeWindow, enabled: boolean) {
  return useQuery({
    queryKey: ['smells', windowKey(window)],
    queryFn: ({ signal }) => fetchSmells(resolveWindow(window, Date.now()), signal),
    enabled,
    staleTime: 15_000,
    retry: 1,
  });
}
