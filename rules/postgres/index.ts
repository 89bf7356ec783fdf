import type { Rule } from '../define-rule';
import clientConnectionCheckUnset from './client-connection-check-unset/rule';
import duplicateKey from './duplicate-key/rule';
import idleInTransactionTimeoutUnset from './idle-in-transaction-timeout-unset/rule';
import idleSessionTimeoutGlobal from './idle-session-timeout-global/rule';
import includeMayOverride from './include-may-override/rule';
import keepalivesUnset from './keepalives-unset/rule';
import msGucBareSmall from './ms-guc-bare-small/rule';
import tcpUserTimeoutUnset from './tcp-user-timeout-unset/rule';
import unquotedUnitValue from './unquoted-unit-value/rule';

/** PostgreSQL server settings (postgresql.conf, postgresql.auto.conf, -c flags). Syntax repairs (rule 29) first, then the semantic rules in catalog order, then the advisories. */
export const POSTGRES_RULES: readonly Rule[] = [
  unquotedUnitValue,
  keepalivesUnset,
  tcpUserTimeoutUnset,
  clientConnectionCheckUnset,
  msGucBareSmall,
  duplicateKey,
  includeMayOverride,
  idleInTransactionTimeoutUnset,
  idleSessionTimeoutGlobal,
];
