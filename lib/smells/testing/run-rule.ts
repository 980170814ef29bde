import { resolveSmellConfig, type SmellConfig } from '../config';
import { buildContext } from '../context';
import type { SmellRule } from '../rule';
import type { Finding, SmellInput } from '../types';

export function runRule(
  rule: SmellRule,
  input: SmellInput,
  config: Partial<SmellConfig> = {},
): Finding[] {
  return rule.evaluate(buildContext(input, resolveSmellConfig(config)));
}
