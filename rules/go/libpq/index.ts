import type { Rule } from '../../define-rule';
import connectTimeoutMissing from './connect-timeout-missing/rule';

export const GO_LIBPQ_RULES: readonly Rule[] = [connectTimeoutMissing];
