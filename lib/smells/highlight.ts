import type { Finding } from './types';

// What the death star lights up for a finding: its services, the graph nodes among its
// resources (volumes and other non-node resources carry a `kind:` prefix and are skipped),
// and its edges. Pure, so the main view can call it on a finding fetched from /api/smells.

export function findingHighlight(finding: Pick<Finding, 'services' | 'resources' | 'edges'>): {
  nodeIds: string[];
  edgeIds: string[];
} {
  const nodeIds = [
    ...new Set([...finding.services, ...finding.resources.filter((r) => !r.includes(':'))]),
  ];
  return { nodeIds, edgeIds: [...new Set(finding.edges)] };
}
