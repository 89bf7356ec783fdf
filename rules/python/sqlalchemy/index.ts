import type { Rule } from '../../define-rule';
import asyncioPoolclass from './asyncio-poolclass/rule';
import asyncpgPingUnbounded from './asyncpg-ping-unbounded/rule';
import asyncpgUrlTimeoutString from './asyncpg-url-timeout-string/rule';
import configBoolString from './config-bool-string/rule';
import driverArgsOnEngine from './driver-args-on-engine/rule';
import libpqArgsOnNonLibpqDriver from './libpq-args-on-non-libpq-driver/rule';
import poolKwargsOnNullpool from './pool-kwargs-on-nullpool/rule';
import poolTimeoutUnbounded from './pool-timeout-unbounded/rule';
import prePingMissing from './pre-ping-missing/rule';
import recycleDisabled from './recycle-disabled/rule';
import recycleTooLong from './recycle-too-long/rule';
import recycleZero from './recycle-zero/rule';
import versionAdvisories from './version-advisories/rule';

/**
 * Fix order: first what stops the engine from starting (refused arguments, a pool class asyncio
 * cannot use, libpq keys asyncpg rejects), then what makes it resilient (pre-ping, then recycle:
 * the reference's `pool_pre_ping=True, pool_recycle=200`), then review-only suggestions.
 */
export const SQLALCHEMY_RULES: readonly Rule[] = [
  poolKwargsOnNullpool,
  driverArgsOnEngine,
  asyncioPoolclass,
  libpqArgsOnNonLibpqDriver,
  asyncpgUrlTimeoutString,
  prePingMissing,
  configBoolString,
  recycleDisabled,
  recycleTooLong,
  recycleZero,
  poolTimeoutUnbounded,
  asyncpgPingUnbounded,
  versionAdvisories,
];
