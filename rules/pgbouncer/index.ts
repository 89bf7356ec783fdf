import type { Rule } from '../define-rule';

/** PgBouncer (pgbouncer.ini). Order matters: the syntax and structure repairs (reference §3 rules 16–20) come first, then the semantic rules in catalog order, then the advisories; fixes that append keys at the same place are written in this order. */
export const PGBOUNCER_RULES: readonly Rule[] = [];
