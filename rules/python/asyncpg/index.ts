import type { Rule } from '../../define-rule';
import acquireTimeoutMissing from './acquire-timeout-missing/rule';
import commandTimeoutMissing from './command-timeout-missing/rule';
import connectTimeout from './connect-timeout/rule';
import inactiveLifetime from './inactive-lifetime/rule';
import libpqKwargs from './libpq-kwargs/rule';
import multihostWithoutTargetSessionAttrs from './multihost-without-target-session-attrs/rule';
import noKeepalive from './no-keepalive/rule';
import serverSettingsNonString from './server-settings-non-string/rule';

/**
 * Raw `asyncpg.connect(...)` / `create_pool(...)` settings. Crash fixes first (libpq keys, server
 * settings), then the safe lifetime bound, then the review fixes that append keywords.
 */
export const ASYNCPG_RULES: readonly Rule[] = [
  libpqKwargs,
  serverSettingsNonString,
  inactiveLifetime,
  connectTimeout,
  commandTimeoutMissing,
  acquireTimeoutMissing,
  multihostWithoutTargetSessionAttrs,
  noKeepalive,
];
