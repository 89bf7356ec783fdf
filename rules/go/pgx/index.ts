import type { Rule } from '../../define-rule';
import connectTimeoutMissing from './connect-timeout-missing/rule';
import keepaliveWeak from './keepalive-weak/rule';
import libpqOnlyKeys from './libpq-only-keys/rule';
import poolKeysOutsidePgxpool from './pool-keys-outside-pgxpool/rule';

/**
 * pgx. Removals of keys that kill every connection first, then the parameters added to the same
 * connection string.
 */
export const PGX_RULES: readonly Rule[] = [
  poolKeysOutsidePgxpool,
  libpqOnlyKeys,
  connectTimeoutMissing,
  keepaliveWeak,
];
