import type { Rule } from '../../define-rule';
import maxConnLifetimeDisabled from './max-conn-lifetime-disabled/rule';
import pingTimeoutMissing from './ping-timeout-missing/rule';

/** pgxpool.Config: the lifetime line first, so its jitter line lands before the ping timeout. */
export const PGXPOOL_RULES: readonly Rule[] = [maxConnLifetimeDisabled, pingTimeoutMissing];
