import type { Finding } from './types';

// Links between the smells view and the death star, through the URL only: the window uses
// the main view's parameters (`w`, `from`, `to`), `focus` opens the first service's panel
// (already understood by `/`), and `highlight` names the finding whose services and edges
// `/` lights up via findingHighlight().

export function deathStarHref(
  finding: Pick<Finding, 'id' | 'services'>,
  windowQuery: string,
): string {
  const params = new URLSearchParams(windowQuery);
  params.set('highlight', finding.id);
  if (finding.services[0]) params.set('focus', finding.services[0]);
  return `/?${params.toString()}`;
}

export function smellsHref(findingId: string | null, windowQuery: string): string {
  const params = new URLSearchParams(windowQuery);
  if (findingId) params.set('finding', findingId);
  else params.delete('finding');
  const query = params.toString();
  return query ? `/smells?${query}` : '/smells';
}

/** Counts per service (node id → findings mentioning it), for the summary. */
export function countsByService(findings: Pick<Finding, 'services'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) for (const s of f.services) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}
