import type { Rule } from '../../define-rule';
import connectionTestQueryJdbc4 from './connection-test-query-jdbc4/rule';
import connectionTimeoutInfinite from './connection-timeout-infinite/rule';
import idleTimeoutClamped from './idle-timeout-clamped/rule';
import keepaliveExceedsIdleLimit from './keepalive-exceeds-idle-limit/rule';
import keepaliveGeMaxLifetime from './keepalive-ge-max-lifetime/rule';
import keepaliveMissing from './keepalive-missing/rule';
import keepaliveTooLow from './keepalive-too-low/rule';
import keepaliveUnsupportedVersion from './keepalive-unsupported-version/rule';
import maxLifetimeTooLong from './max-lifetime-too-long/rule';
import maxLifetimeTooLow from './max-lifetime-too-low/rule';
import maxLifetimeZero from './max-lifetime-zero/rule';
import validationTimeoutGeConnectionTimeout from './validation-timeout-ge-connection-timeout/rule';

/**
 * HikariCP in every shape (Spring Boot keys, hikari.properties, Java setters). In-place corrections
 * first; among insertions at one place, validationTimeout before keepaliveTime (reference V14 order).
 */
export const HIKARI_RULES: readonly Rule[] = [
  maxLifetimeZero,
  maxLifetimeTooLow,
  keepaliveTooLow,
  keepaliveGeMaxLifetime,
  idleTimeoutClamped,
  connectionTestQueryJdbc4,
  validationTimeoutGeConnectionTimeout,
  keepaliveMissing,
  connectionTimeoutInfinite,
  keepaliveUnsupportedVersion,
  keepaliveExceedsIdleLimit,
  maxLifetimeTooLong,
];
