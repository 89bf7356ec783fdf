import type { EnvironmentProfile } from '../../../core/environment';

/**
 * Which HikariCP / pgJDBC a config runs with: stated in the environment profile (`hikariCP=5.1.0`,
 * `pgjdbc=42.7.3`), or, for Spring Boot configs, the version that Boot release manages
 * (reference/jvm.md §2, read from spring-boot-dependencies at each tag). Unknown stays unknown.
 */
export interface KnownVersion {
  version?: string;
  /** How we know, for messages: `hikariCP=5.1.0`, `Spring Boot 3.3 manages HikariCP 5.1.0`. */
  source?: string;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const atLeast = (v: KnownVersion, min: string): boolean | null =>
  v.version === undefined ? null : compareVersions(v.version, min) >= 0;

/** [first Boot minor, HikariCP it manages]; Boot 1.x defaulted to Tomcat JDBC. */
const BOOT_HIKARI: ReadonlyArray<[string, string]> = [
  ['2.0', '2.7.9'],
  ['2.1', '3.2.0'],
  ['2.2', '3.4.5'],
  ['2.5', '4.0.3'],
  ['3.0', '5.0.1'],
  ['3.3', '5.1.0'],
  ['3.5', '6.3.0'],
  ['4.0', '7.0.2'],
  ['4.2', '7.1.0'],
];

const BOOT_PGJDBC: ReadonlyArray<[string, string]> = [
  ['2.7', '42.3.8'],
  ['3.0', '42.5.1'],
  ['3.5', '42.7.5'],
  ['4.0', '42.7.8'],
  ['4.1', '42.7.13'],
];

function managed(table: ReadonlyArray<[string, string]>, boot: string): string | undefined {
  let found: string | undefined;
  for (const [from, version] of table) if (compareVersions(boot, from) >= 0) found = version;
  return found;
}

export function hikariVersion(environment: EnvironmentProfile, spring: boolean): KnownVersion {
  const stated = environment.versions?.hikariCP;
  if (stated) return { version: stated, source: `hikariCP=${stated}` };
  const boot = environment.versions?.springBoot;
  if (spring && boot) {
    const version = managed(BOOT_HIKARI, boot);
    if (version) return { version, source: `Spring Boot ${boot} manages HikariCP ${version}` };
  }
  return {};
}

export function pgjdbcVersion(environment: EnvironmentProfile, spring: boolean): KnownVersion {
  const stated = environment.versions?.pgjdbc;
  if (stated) return { version: stated, source: `pgjdbc=${stated}` };
  const boot = environment.versions?.springBoot;
  if (spring && boot) {
    const version = managed(BOOT_PGJDBC, boot);
    if (version) return { version, source: `Spring Boot ${boot} manages pgJDBC ${version}` };
  }
  return {};
}

/** Spring Boot 1.x used Tomcat JDBC by default; 2.0 and later HikariCP. */
export function bootDefaultsToTomcat(environment: EnvironmentProfile): boolean {
  const boot = environment.versions?.springBoot;
  return boot !== undefined && compareVersions(boot, '2.0') < 0;
}

/** HikariCP's keepalive: 4.0.0 introduced it; 6.2.1 made 120000 ms the default. */
export const KEEPALIVE_SINCE = '4.0.0';
export const KEEPALIVE_DEFAULT_SINCE = '6.2.1';
