import type { EnvironmentProfile } from '../../../core/environment';

/** `a.b.c` compared numerically; null when the version is unknown. A leading `v` is ignored. */
export function atLeast(version: string | undefined, minimum: readonly number[]): boolean | null {
  if (!version) return null;
  const parts = version
    .replace(/^v/, '')
    .split(/[.+-]/)
    .map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < minimum.length; i++) {
    const have = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : (parts[i] as number);
    const need = minimum[i] as number;
    if (have !== need) return have > need;
  }
  return true;
}

/** The pgx version from the environment profile (`--env pgx=5.9.0`). */
export function pgxVersion(environment: EnvironmentProfile): string | undefined {
  return environment.versions?.pgx;
}

/**
 * pgx's major version: the environment's, else the import path's (`github.com/jackc/pgx/v5`), else null.
 */
export function pgxMajorOf(environment: EnvironmentProfile, fromImports: 4 | 5 | null): number | null {
  const v = pgxVersion(environment);
  if (v) return Number.parseInt(v.replace(/^v/, ''), 10);
  return fromImports;
}
