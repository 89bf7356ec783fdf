import type { Rule } from '../define-rule';
import booleanWord from './boolean-word/rule';
import dnsMaxTtlLong from './dns-max-ttl-long/rule';
import dnsNxdomainTtlLong from './dns-nxdomain-ttl-long/rule';
import duplicateSectionHeader from './duplicate-section-header/rule';
import idleTransactionTimeoutDisabled from './idle-transaction-timeout-disabled/rule';
import includeMayOverride from './include-may-override/rule';
import inlineComment from './inline-comment/rule';
import keepaliveTimersUnset from './keepalive-timers-unset/rule';
import listenBacklogSmall from './listen-backlog-small/rule';
import poolModeSessionFailover from './pool-mode-session-failover/rule';
import preparedStatementsTransaction from './prepared-statements-transaction/rule';
import queryWaitTimeoutDisabled from './query-wait-timeout-disabled/rule';
import quotedScalar from './quoted-scalar/rule';
import serverCheckDelayLong from './server-check-delay-long/rule';
import serverCheckQueryDisabled from './server-check-query-disabled/rule';
import serverConnectTimeoutLong from './server-connect-timeout-long/rule';
import serverIdleTimeoutMiddlebox from './server-idle-timeout-middlebox/rule';
import serverLifetimeFailover from './server-lifetime-failover/rule';
import serverLifetimeZero from './server-lifetime-zero/rule';
import serverLoginRetryLong from './server-login-retry-long/rule';
import tcpKeepaliveDisabled from './tcp-keepalive-disabled/rule';
import tcpUserTimeoutUnits from './tcp-user-timeout-units/rule';
import tcpUserTimeoutUnset from './tcp-user-timeout-unset/rule';
import timeUnitSuffix from './time-unit-suffix/rule';

/** PgBouncer (pgbouncer.ini). Order matters: the syntax and structure repairs (reference §3 rules 16–20) come first, then the semantic rules in catalog order, then the advisories; fixes that append keys at the same place are written in this order. */
export const PGBOUNCER_RULES: readonly Rule[] = [
  // 16–20: syntax and structure repairs.
  inlineComment,
  timeUnitSuffix,
  booleanWord,
  quotedScalar,
  duplicateSectionHeader,
  // 1–15: semantic rules, reading the file as repaired.
  tcpKeepaliveDisabled,
  keepaliveTimersUnset,
  tcpUserTimeoutUnset,
  tcpUserTimeoutUnits,
  serverLifetimeZero,
  serverLifetimeFailover,
  serverIdleTimeoutMiddlebox,
  serverConnectTimeoutLong,
  serverLoginRetryLong,
  dnsMaxTtlLong,
  dnsNxdomainTtlLong,
  queryWaitTimeoutDisabled,
  poolModeSessionFailover,
  serverCheckQueryDisabled,
  serverCheckDelayLong,
  // 21–24: advisories (22–24 opt-in).
  includeMayOverride,
  preparedStatementsTransaction,
  idleTransactionTimeoutDisabled,
  listenBacklogSmall,
];
