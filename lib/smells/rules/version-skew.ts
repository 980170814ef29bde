import type { SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';

// MS-21: several versions of one service live in the window (service.version from spans, or
// distinct image tags of its containers). Callers hit all of them at once; a rollout that
// stays skewed needs compatibility shims. Missing versions are not skew.

const UNKNOWN = new Set(['', 'unknown', 'latest']);

function evaluate(ctx: SmellContext): Finding[] {
  const findings: Finding[] = [];
  for (const node of ctx.input.nodes) {
    if (node.kind !== 'service') continue;
    const versions = [...new Set(node.versions.filter((v) => !UNKNOWN.has(v)))].sort();
    const tags = [
      ...new Set(node.containers.map((c) => c.tag).filter((t) => !UNKNOWN.has(t))),
    ].sort();
    const count = Math.max(versions.length, tags.length);
    if (count < ctx.config.versionSkewMin) continue;
    findings.push(
      makeFinding({
        code: 'version-skew',
        title: `Version skew: ${node.name}`,
        severity: count >= ctx.config.versionSkewHigh ? 'high' : 'medium',
        services: [node.id],
        evidence: {
          service: node.name,
          versions,
          imageTags: tags,
          versionCount: count,
        },
        why: `${count} versions of ${node.name} serve traffic at once, so callers must cope with all of them.`,
        fix: 'Finish or roll back the rollout, and keep old and new versions compatible while both run.',
      }),
    );
  }
  return findings;
}

export const versionSkew: SmellRule = { code: 'version-skew', evaluate };
