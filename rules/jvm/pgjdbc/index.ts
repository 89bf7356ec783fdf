import type { Rule } from '../../define-rule';
import connectTimeoutDisabled from './connect-timeout-disabled/rule';
import loginTimeoutMissing from './login-timeout-missing/rule';
import multihostWithoutTargetServerType from './multihost-without-target-server-type/rule';
import propertyNameCase from './property-name-case/rule';
import singleHostHaPair from './single-host-ha-pair/rule';
import socketTimeoutBelowStatementTimeout from './socket-timeout-below-statement-timeout/rule';
import socketTimeoutZero from './socket-timeout-zero/rule';
import targetServerTypeInvalid from './target-server-type-invalid/rule';
import tcpKeepaliveInvalidValue from './tcp-keepalive-invalid-value/rule';
import tcpKeepaliveMissing from './tcp-keepalive-missing/rule';
import timeoutUnitSuspect from './timeout-unit-suspect/rule';

/**
 * pgJDBC properties wherever the driver gets them: the URL query first (it wins), then the pool's
 * driver-property map. Renames and in-place corrections first, then additions, then review proposals.
 */
export const PGJDBC_RULES: readonly Rule[] = [
  propertyNameCase,
  tcpKeepaliveInvalidValue,
  targetServerTypeInvalid,
  connectTimeoutDisabled,
  tcpKeepaliveMissing,
  socketTimeoutZero,
  socketTimeoutBelowStatementTimeout,
  loginTimeoutMissing,
  multihostWithoutTargetServerType,
  singleHostHaPair,
  timeoutUnitSuspect,
];
