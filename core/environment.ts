import { isPresetId, PRESET_IDS, PRESETS, type PresetId } from './presets';
/**
 * The environment profile: what the user tells us about where the database runs and which versions
 * they use. Rules read it; nothing here guesses. Unknown stays undefined, and rules stay conservative.
 */

export const PLATFORMS = ['rds', 'aurora', 'cloudsql', 'azure', 'patroni', 'self-hosted'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const OPERATING_SYSTEMS = ['linux', 'macos', 'windows'] as const;
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/** Library names accepted as `--env NAME=VERSION`, one per stack the rule catalog reads. */
export const LIBRARY_NAMES = [
  'sqlalchemy',
  'psycopg',
  'psycopg2',
  'asyncpg',
  'django',
  'pg',
  'pgPool',
  'postgresjs',
  'sequelize',
  'knex',
  'typeorm',
  'prisma',
  'pgx',
  'go',
  'rails',
  'pgjdbc',
  'hikariCP',
  'springBoot',
  'tomcatJdbc',
  'dbcp2',
  'c3p0',
  'quarkus',
] as const;
export type LibraryName = (typeof LIBRARY_NAMES)[number];

export interface EnvironmentProfile {
  /** The preset the values came from (`aws-nlb`, `aurora`…), for display; rules read the values. */
  preset?: PresetId;
  /** Smallest idle timeout of any NAT, load balancer or firewall on the path, in seconds. */
  middleboxIdleSeconds?: number;
  /**
   * The TTL of the database endpoint's DNS record, in seconds (Aurora's cluster endpoints: 5). A client
   * cache that keeps an answer longer than this makes a DNS failover wait longer than it must.
   */
  dnsTtlSeconds?: number;
  failoverProne?: boolean;
  /** Applications reach PostgreSQL through PgBouncer, whatever host and port their config names. */
  behindPgbouncer?: boolean;
  platform?: Platform;
  os?: OperatingSystem;
  pgMajor?: number;
  pgbouncerVersion?: string;
  /**
   * The nodes of an HA pair or cluster reached by their own addresses, with no moving VIP or DNS name
   * (`pg1:5432`, `pg2:5432`): a client that names one of them cannot follow a failover.
   */
  haNodes?: string[];
  versions?: Partial<Record<LibraryName, string>>;
  /**
   * A timer on the path that closes idle connections cleanly, in seconds: PgBouncer's
   * `client_idle_timeout`, PostgreSQL's `idle_session_timeout`. Read from the other files of a
   * deployment (engine/project.ts), not typed by the user. Unlike a middlebox's silent drop, a TCP
   * keepalive does not reset it: only bounding how long a pooled connection idles (recycle, lifetime,
   * idle eviction) avoids it, so the rules that compare keepalive timers read `middleboxIdleSeconds`
   * alone and the pool-bound rules read `effectiveIdleLimit`.
   */
  idleCloseSeconds?: number;
  /** Where `idleCloseSeconds` comes from, for messages: `client_idle_timeout in pgbouncer.ini line 16`. */
  idleCloseSource?: string;
}

/** When no middlebox timeout is known: Azure Load Balancer's 4 minutes, the smallest common default. */
export const DEFAULT_MIDDLEBOX_IDLE_SECONDS = 240;

export const ENVIRONMENT_KEYS = [
  'preset',
  'middleboxIdleSeconds',
  'dnsTtlSeconds',
  'failoverProne',
  'behindPgbouncer',
  'platform',
  'os',
  'pgMajor',
  'pgbouncerVersion',
  'haNodes',
  ...LIBRARY_NAMES,
] as const;

export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

const VERSION = /^\d+(\.\d+){0,3}([-.+][0-9A-Za-z.-]+)?$/;

function parseVersion(name: string, value: string): string {
  if (!VERSION.test(value)) {
    throw new EnvironmentError(`${name}: "${value}" is not a version (expected e.g. 2.0.36)`);
  }
  return value;
}

/** Sets one `NAME=VALUE` pair on a profile, validating both; throws EnvironmentError otherwise. */
export function setEnvironmentValue(
  profile: EnvironmentProfile,
  name: string,
  value: string,
): EnvironmentProfile {
  const v = value.trim();
  switch (name) {
    case 'preset': {
      if (!isPresetId(v)) {
        throw new EnvironmentError(`preset: "${value}" must be one of ${PRESET_IDS.join(', ')}`);
      }
      // A preset fills in its documented values; values given explicitly win, in whatever order
      // they come (a shared link's profile is an unordered object).
      return { ...PRESETS[v].profile, ...profile, preset: v };
    }
    case 'middleboxIdleSeconds': {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 86400) {
        throw new EnvironmentError(
          `middleboxIdleSeconds: "${value}" must be a whole number of seconds between 1 and 86400`,
        );
      }
      return { ...profile, middleboxIdleSeconds: Number(v) };
    }
    case 'dnsTtlSeconds': {
      // RFC 2181 §8: a TTL is an unsigned 32-bit number of seconds no larger than 2^31 - 1.
      if (!/^\d+$/.test(v) || Number(v) > 2147483647) {
        throw new EnvironmentError(
          `dnsTtlSeconds: "${value}" must be a whole number of seconds (the record TTL, e.g. 5; 0 means not cached)`,
        );
      }
      return { ...profile, dnsTtlSeconds: Number(v) };
    }
    case 'failoverProne': {
      if (v !== 'true' && v !== 'false') {
        throw new EnvironmentError(`failoverProne: "${value}" must be true or false`);
      }
      return { ...profile, failoverProne: v === 'true' };
    }
    case 'behindPgbouncer': {
      if (v !== 'true' && v !== 'false') {
        throw new EnvironmentError(`behindPgbouncer: "${value}" must be true or false`);
      }
      return { ...profile, behindPgbouncer: v === 'true' };
    }
    case 'platform': {
      if (!(PLATFORMS as readonly string[]).includes(v)) {
        throw new EnvironmentError(`platform: "${value}" must be one of ${PLATFORMS.join(', ')}`);
      }
      return { ...profile, platform: v as Platform };
    }
    case 'os': {
      if (!(OPERATING_SYSTEMS as readonly string[]).includes(v)) {
        throw new EnvironmentError(`os: "${value}" must be one of ${OPERATING_SYSTEMS.join(', ')}`);
      }
      return { ...profile, os: v as OperatingSystem };
    }
    case 'pgMajor': {
      if (!/^\d+$/.test(v) || Number(v) < 9 || Number(v) > 30) {
        throw new EnvironmentError(`pgMajor: "${value}" must be a PostgreSQL major version such as 15`);
      }
      return { ...profile, pgMajor: Number(v) };
    }
    case 'pgbouncerVersion':
      return { ...profile, pgbouncerVersion: parseVersion(name, v) };
    case 'haNodes': {
      const nodes = v
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      const bad = nodes.find((n) => !/^([A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(n));
      if (bad !== undefined || nodes.length < 2) {
        throw new EnvironmentError(
          `haNodes: "${value}" must list at least two node addresses, comma-separated, e.g. pg1:5432,pg2:5432`,
        );
      }
      return { ...profile, haNodes: nodes };
    }
    default: {
      if ((LIBRARY_NAMES as readonly string[]).includes(name)) {
        return {
          ...profile,
          versions: { ...profile.versions, [name]: parseVersion(name, v) },
        };
      }
      throw new EnvironmentError(`unknown environment name "${name}"; known: ${ENVIRONMENT_KEYS.join(', ')}`);
    }
  }
}

/** Parses `NAME=VALUE` strings (as the CLI's repeated `--env` gives them). */
export function parseEnvironmentAssignments(assignments: readonly string[]): EnvironmentProfile {
  let profile: EnvironmentProfile = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new EnvironmentError(`--env expects NAME=VALUE, got "${assignment}"`);
    }
    profile = setEnvironmentValue(profile, assignment.slice(0, eq).trim(), assignment.slice(eq + 1));
  }
  return profile;
}

/** The middlebox idle timeout rules should design for, in seconds, or null when there is none. */
export function effectiveMiddleboxIdleSeconds(profile: EnvironmentProfile): number {
  return profile.middleboxIdleSeconds ?? DEFAULT_MIDDLEBOX_IDLE_SECONDS;
}

export interface IdleLimit {
  seconds: number;
  /** For messages: `the 240 s middlebox idle timeout`, `the 120 s idle limit (client_idle_timeout in pgbouncer.ini line 16)`. */
  label: string;
  /** True when a server-side timer closes the connection cleanly (rather than a middlebox dropping it). */
  clean: boolean;
  /** For a clean close: which setting, where (`client_idle_timeout in pgbouncer.ini line 16`). */
  source?: string;
}

/**
 * The shortest time a pooled connection may sit idle before something on the path ends it: the
 * middlebox idle timeout, or a tighter clean-close timer (`idleCloseSeconds`). Pool bounds (recycle,
 * lifetime, idle eviction) stay under it.
 */
export function effectiveIdleLimit(profile: EnvironmentProfile): IdleLimit {
  const m = effectiveMiddleboxIdleSeconds(profile);
  const close = profile.idleCloseSeconds;
  if (close !== undefined && close < m) {
    const source = profile.idleCloseSource;
    return {
      seconds: close,
      label: `the ${close} s idle limit${source ? ` (${source})` : ''}`,
      clean: true,
      ...(source ? { source } : {}),
    };
  }
  return { seconds: m, label: `the ${m} s middlebox idle timeout`, clean: false };
}
