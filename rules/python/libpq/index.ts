import type { Rule } from '../../define-rule';
import connectTimeoutMissing from './connect-timeout-missing/rule';
import keepalivesIdleTooLong from './keepalives-idle-too-long/rule';
import keepalivesMissing from './keepalives-missing/rule';
import multihostWithoutTargetSessionAttrs from './multihost-without-target-session-attrs/rule';
import optionsThroughPgbouncer from './options-through-pgbouncer/rule';
import tcpUserTimeoutMissing from './tcp-user-timeout-missing/rule';
import tcpUserTimeoutUnit from './tcp-user-timeout-unit/rule';
import unknownKeys from './unknown-keys/rule';
import versionGatedKeys from './version-gated-keys/rule';

/**
 * libpq parameters wherever a libpq-family driver gets them: engines, connect calls, pools. Safe
 * keepalive fixes first, so they create `connect_args` / `kwargs` and the review fixes add into it.
 */
export const LIBPQ_RULES: readonly Rule[] = [
  unknownKeys,
  keepalivesMissing,
  keepalivesIdleTooLong,
  tcpUserTimeoutUnit,
  tcpUserTimeoutMissing,
  connectTimeoutMissing,
  multihostWithoutTargetSessionAttrs,
  versionGatedKeys,
  optionsThroughPgbouncer,
];
