import type { SmellConfig } from './config';
import { evaluateSmells } from './evaluate-smells';
import type { SmellInput, SmellsResponse } from './types';

// The body of GET /api/smells: the findings of the window plus the names of the nodes they
// mention (so the page needs no second request) and counts for the summary header.

export function smellsResponse(
  input: SmellInput,
  config: Partial<SmellConfig> = {},
  nowMs: number = Date.now(),
): SmellsResponse {
  const findings = evaluateSmells(input, config);
  const mentioned = new Set(findings.flatMap((f) => [...f.services, ...f.resources]));
  const bySeverity: Record<string, number> = { high: 0, medium: 0, low: 0, info: 0 };
  const byCode: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  }
  return {
    window: input.window,
    generatedAtMs: nowMs,
    findings,
    nodes: input.nodes
      .filter((n) => mentioned.has(n.id))
      .map((n) => ({ id: n.id, name: n.name, kind: n.kind, group: n.group })),
    counts: { bySeverity, byCode },
  };
}
