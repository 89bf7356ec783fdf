import type { Rule } from '../../define-rule';
import timeoutDisabled from './timeout-disabled/rule';
import urlPoolParamsIgnoredByAdapter from './url-pool-params-ignored-by-adapter/rule';

/** Prisma: engine (≤ 6) connection URLs in `.env`, and Prisma 7's pg adapter. */
export const PRISMA_RULES: readonly Rule[] = [urlPoolParamsIgnoredByAdapter, timeoutDisabled];
