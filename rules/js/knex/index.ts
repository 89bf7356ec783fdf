import type { Rule } from '../../define-rule';
import keepaliveMissing from './keepalive-missing/rule';
import lifetimeOptionUnsupported from './lifetime-option-unsupported/rule';
import poolMinNonzero from './pool-min-nonzero/rule';

/** Knex with the pg client (`knex({...})`, knexfiles): pool keys first, then the connection. */
export const KNEX_RULES: readonly Rule[] = [lifetimeOptionUnsupported, poolMinNonzero, keepaliveMissing];
