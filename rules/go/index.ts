import type { Rule } from '../define-rule';
import { DATABASESQL_RULES } from './databasesql/index';
import { GO_LIBPQ_RULES } from './libpq/index';
import { PGX_RULES } from './pgx/index';
import { PGXPOOL_RULES } from './pgxpool/index';

/**
 * Go: pgx / pgxpool first (their removals and DSN parameters), then lib/pq, then the `*sql.DB`
 * setters, which go after the ones the pgx rules translate from `pool_*` keys.
 */
export const GO_RULES: readonly Rule[] = [
  ...PGX_RULES,
  ...PGXPOOL_RULES,
  ...GO_LIBPQ_RULES,
  ...DATABASESQL_RULES,
];
