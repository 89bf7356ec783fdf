import type { Rule } from '../../define-rule';
import connMaxAgeTooLong from './conn-max-age-too-long/rule';
import healthChecksMissing from './health-checks-missing/rule';
import inventedKeys from './invented-keys/rule';
import optionsKeepalivesMissing from './options-keepalives-missing/rule';
import poolMisc from './pool-misc/rule';
import poolReservedKeys from './pool-reserved-keys/rule';
import poolWithConnMaxAge from './pool-with-conn-max-age/rule';
import poolWithoutHealthChecks from './pool-without-health-checks/rule';

/**
 * Django `DATABASES` entries (and dj-database-url) on the PostgreSQL backend. Order matters where
 * fixes insert at the same place: CONN_HEALTH_CHECKS goes in before a new OPTIONS dict.
 */
export const DJANGO_RULES: readonly Rule[] = [
  poolWithConnMaxAge,
  poolReservedKeys,
  poolWithoutHealthChecks,
  poolMisc,
  healthChecksMissing,
  connMaxAgeTooLong,
  optionsKeepalivesMissing,
  inventedKeys,
];
