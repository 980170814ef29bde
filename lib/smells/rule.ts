import type { SmellContext } from './context';
import type { Finding, SmellCode } from './types';

/** One smell: a code and a pure function from the shared context to its findings. */
export interface SmellRule {
  code: SmellCode;
  evaluate(ctx: SmellContext): Finding[];
}
