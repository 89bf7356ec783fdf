import type { Rule } from '../../define-rule';
import clientErrorListenerMissing from './client-error-listener-missing/rule';
import connectionTimeoutUnbounded from './connection-timeout-unbounded/rule';
import idleTimeoutDisabled from './idle-timeout-disabled/rule';
import keepaliveMissing from './keepalive-missing/rule';
import maxLifetimeMissing from './max-lifetime-missing/rule';
import optionsInUrlIgnored from './options-in-url-ignored/rule';
import poolErrorListenerMissing from './pool-error-listener-missing/rule';
import queryTimeoutMissing from './query-timeout-missing/rule';
import startupParamsThroughPgbouncer from './startup-params-through-pgbouncer/rule';

/**
 * node-postgres (pg, pg-pool) Pool and Client options. The URL rule runs first, so the keys it moves
 * out of the connection string come before the ones the other rules add at the same place.
 */
export const PG_RULES: readonly Rule[] = [
  optionsInUrlIgnored,
  keepaliveMissing,
  connectionTimeoutUnbounded,
  idleTimeoutDisabled,
  maxLifetimeMissing,
  poolErrorListenerMissing,
  clientErrorListenerMissing,
  queryTimeoutMissing,
  startupParamsThroughPgbouncer,
];
