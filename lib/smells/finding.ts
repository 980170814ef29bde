import { createHash } from 'node:crypto';

import type { EvidenceValue, Finding, Severity, SmellCode } from './types';

// Findings are built through one helper so every rule gets the same stable id: a hash of the
// code and the sorted entities, which survives refreshes and lets the UI link to a finding.

export interface FindingParts {
  code: SmellCode;
  title: string;
  severity: Severity;
  services: string[];
  edges?: string[];
  resources?: string[];
  evidence: Record<string, EvidenceValue>;
  why: string;
  fix: string;
  /** Extra identity when one set of entities can carry two findings (e.g. database name). */
  discriminator?: string;
}

export function makeFinding(parts: FindingParts): Finding {
  const services = [...parts.services];
  const edges = [...(parts.edges ?? [])].sort();
  const resources = [...(parts.resources ?? [])];
  const identity = [
    parts.code,
    parts.discriminator ?? '',
    [...services].sort().join(','),
    [...resources].sort().join(','),
  ].join('|');
  const id = `${parts.code}-${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
  return {
    id,
    code: parts.code,
    title: parts.title,
    severity: parts.severity,
    services,
    edges,
    resources,
    evidence: parts.evidence,
    why: parts.why,
    fix: parts.fix,
  };
}

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function raise(severity: Severity): Severity {
  return severity === 'info' ? 'low' : severity === 'low' ? 'medium' : 'high';
}
