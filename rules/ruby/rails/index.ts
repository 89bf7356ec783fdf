import type { Rule } from '../../define-rule';
import connectTimeoutMissing from './connect-timeout-missing/rule';
import idleReapingDisabled from './idle-reaping-disabled/rule';
import keepaliveKeyConfusion from './keepalive-key-confusion/rule';
import keepalivesMissing from './keepalives-missing/rule';
import maxAgeMissing from './max-age-missing/rule';
import poolKeepaliveAboveLb from './pool-keepalive-above-lb/rule';
import tcpUserTimeoutMissing from './tcp-user-timeout-missing/rule';

/**
 * Rails database.yml. Several rules add keys at the same place (after the block's `<<:` line, or
 * at its end); this order is the order of the lines they write.
 */
export const RAILS_RULES: readonly Rule[] = [
  idleReapingDisabled,
  keepaliveKeyConfusion,
  keepalivesMissing,
  connectTimeoutMissing,
  poolKeepaliveAboveLb,
  maxAgeMissing,
  tcpUserTimeoutMissing,
];
