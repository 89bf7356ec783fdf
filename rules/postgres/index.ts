import type { Rule } from '../define-rule';

/** PostgreSQL server settings (postgresql.conf, postgresql.auto.conf, -c flags). Syntax repairs (rule 29) first, then the semantic rules in catalog order, then the advisories. */
export const POSTGRES_RULES: readonly Rule[] = [];
