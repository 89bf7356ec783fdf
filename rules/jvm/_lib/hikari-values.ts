import { type EnvironmentProfile, effectiveMiddleboxIdleSeconds } from '../../../core/environment';
import type { HikariSite } from './hikari';
import { HIKARI_DEFAULTS } from './hikari';
import type { ConfigEntry } from './model';
import { atLeast, KEEPALIVE_DEFAULT_SINCE, KEEPALIVE_SINCE } from './versions';

/**
 * HikariCP's `validateNumerics()` in TypeScript: what a value becomes once the pool starts
 * (values under the minimums are silently reset or disabled), so rules reason about the pool that
 * really runs. `undefined` = not set, `null` = set to an expression the file cannot evaluate.
 */
export const MIN_MAX_LIFETIME = 30_000;
export const MIN_KEEPALIVE = 30_000;
export const MIN_IDLE_TIMEOUT = 10_000;
export const TIMEOUT_FLOOR = 250;
/** HikariCP's own keepalive default since 6.2.1: what the keepalive fix writes. */
export const KEEPALIVE_VALUE = 120_000;

export interface Setting {
  entry: ConfigEntry | undefined;
  /** The number written, undefined when unset, null when not a constant. */
  raw: number | null | undefined;
}

export function setting(site: HikariSite, prop: Parameters<HikariSite['get']>[0]): Setting {
  const entry = site.get(prop);
  if (!entry) return { entry, raw: undefined };
  return { entry, raw: entry.value?.number ?? null };
}

/** maxLifetime as the pool runs it: 0 = infinite; under 30 s = reset to 1800000. Null when unknown. */
export function effectiveMaxLifetime(site: HikariSite): number | null {
  const { raw } = setting(site, 'maxLifetime');
  if (raw === undefined) return HIKARI_DEFAULTS.maxLifetime;
  if (raw === null) return null;
  if (raw > 0 && raw < MIN_MAX_LIFETIME) return HIKARI_DEFAULTS.maxLifetime;
  return raw;
}

/** maxLifetime once `max-lifetime-too-low` has done its work (what the user meant). */
export function intendedMaxLifetime(site: HikariSite): number | null {
  const { raw } = setting(site, 'maxLifetime');
  if (raw === undefined) return HIKARI_DEFAULTS.maxLifetime;
  if (raw === null) return null;
  return raw > 0 && raw < MIN_MAX_LIFETIME ? MIN_MAX_LIFETIME : raw;
}

/** Keepalive default for this site's version: 0 before 6.2.1, 120000 from it, null when unknown. */
export function keepaliveDefault(site: HikariSite): number | null {
  const since = atLeast(site.version, KEEPALIVE_DEFAULT_SINCE);
  if (since === null) return null;
  if (atLeast(site.version, KEEPALIVE_SINCE) === false) return 0;
  return since ? KEEPALIVE_VALUE : 0;
}

/** keepaliveTime as the pool runs it (0 = off), null when unknown. */
export function effectiveKeepalive(site: HikariSite): number | null {
  const { raw } = setting(site, 'keepaliveTime');
  const k = raw === undefined ? keepaliveDefault(site) : raw;
  if (k === null) return null;
  if (k > 0 && k < MIN_KEEPALIVE) return 0;
  const ml = effectiveMaxLifetime(site);
  if (ml === null) return null;
  if (ml !== 0 && k >= ml) return 0;
  return k;
}

/** Which version the rule assumed, in words, for messages. */
export function versionNote(site: HikariSite): string {
  return site.version.source
    ? `(${site.version.source})`
    : '(HikariCP version not stated: state it in the environment, e.g. hikariCP=5.1.0 or springBoot=3.3)';
}

/**
 * The keepalive the fixes write: HikariCP's own 120000 ms default, shortened when the stated
 * middlebox idle timeout M is shorter (M − 30 s, never under HikariCP's 30 s minimum).
 */
export function keepaliveTarget(environment: EnvironmentProfile): number {
  if (environment.middleboxIdleSeconds === undefined) return KEEPALIVE_VALUE;
  const m = effectiveMiddleboxIdleSeconds(environment) * 1000;
  return Math.min(KEEPALIVE_VALUE, Math.max(MIN_KEEPALIVE, m - 30_000));
}
