import { resolveSmellConfig, type SmellConfig } from './config';
import { buildContext } from './context';
import { severityRank } from './finding';
import type { SmellRule } from './rule';
import { asyncCycle } from './rules/async-cycle';
import { centralBroker } from './rules/central-broker';
import { chattyEdge } from './rules/chatty-edge';
import { cyclicDependency } from './rules/cyclic-dependency';
import { deepChain } from './rules/deep-chain';
import { esbMediator } from './rules/esb-mediator';
import { greedyFanOut } from './rules/greedy-fan-out';
import { hardCodedEndpoint } from './rules/hard-coded-endpoint';
import { hubLike } from './rules/hub-like';
import { lockStepVersions } from './rules/lock-step-versions';
import { noApiGateway } from './rules/no-api-gateway';
import { sharedDatabaseServer } from './rules/shared-database-server';
import { sharedDestination } from './rules/shared-destination';
import { sharedPersistence } from './rules/shared-persistence';
import { sharedWritableVolume } from './rules/shared-writable-volume';
import { singlePointOfFailure } from './rules/single-point-of-failure';
import { versionSkew } from './rules/version-skew';
import type { Finding, SmellInput } from './types';

export const SMELL_RULES: readonly SmellRule[] = [
  sharedPersistence,
  sharedDatabaseServer,
  centralBroker,
  sharedDestination,
  esbMediator,
  cyclicDependency,
  asyncCycle,
  hubLike,
  greedyFanOut,
  deepChain,
  chattyEdge,
  singlePointOfFailure,
  versionSkew,
  lockStepVersions,
  hardCodedEndpoint,
  noApiGateway,
  sharedWritableVolume,
];

/**
 * Every enabled rule over one window's graph. Pure and deterministic: findings come sorted
 * by severity (high first), then code, then title, so a response is stable between calls.
 */
export function evaluateSmells(input: SmellInput, config: Partial<SmellConfig> = {}): Finding[] {
  const resolved = resolveSmellConfig(config);
  const ctx = buildContext(input, resolved);
  const disabled = new Set(resolved.disabled);
  const findings = SMELL_RULES.filter((r) => !disabled.has(r.code)).flatMap((r) => r.evaluate(ctx));
  return findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.code.localeCompare(b.code) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}
