/**
 * Which PostgreSQL major the text is for. The text wins when it says (a Debian or RHEL path in
 * postgresql.conf, in a value such as `data_directory` or in a comment naming the file's location;
 * an image tag in a compose file or manifest); else the environment profile's `pgMajor`; else
 * unknown. Two different majors in one text count as unknown. 9.x majors are written 9.6; 10 and
 * later are whole numbers.
 */

const PATHS: readonly RegExp[] = [
  // Debian / Ubuntu: /var/lib/postgresql/15/main, /etc/postgresql/15/main, /usr/lib/postgresql/15/bin
  /\/(?:var\/lib|etc|usr\/lib|usr\/share)\/postgresql\/(\d+(?:\.\d+)?)\//g,
  // PGDG RPMs: /usr/pgsql-16/, /var/lib/pgsql/16/data
  /\/usr\/pgsql-(\d+(?:\.\d+)?)\//g,
  /\/var\/lib\/pgsql\/(\d+(?:\.\d+)?)\/data\b/g,
];

function toMajor(version: string): number | undefined {
  const [a = '', b] = version.split('.');
  const first = Number(a);
  if (!Number.isInteger(first) || first < 7 || first > 40) return undefined;
  if (first >= 10) return first;
  return b !== undefined && /^\d$/.test(b) ? Number(`${first}.${b}`) : undefined;
}

function agreed(found: Array<number | undefined>): number | undefined {
  const known = [...new Set(found.filter((v): v is number => v !== undefined))];
  // Two different majors in one file (a migration in progress): do not guess.
  return known.length === 1 ? known[0] : undefined;
}

/** The major named by data_directory / hba_file style paths in a postgresql.conf. */
export function majorFromConfText(text: string): number | undefined {
  const found: Array<number | undefined> = [];
  for (const re of PATHS) {
    for (const m of text.matchAll(re)) found.push(toMajor(m[1] ?? ''));
  }
  return agreed(found);
}

/** `postgres:16`, `postgres:16.2-alpine`, `docker.io/library/postgres:9.6`, `bitnami/postgresql:16.2.0`. */
export function majorFromImage(image: string): number | undefined {
  const m = /(?:^|\/)(?:postgres|postgresql):v?(\d+(?:\.\d+)?)/.exec(image.trim());
  return m ? toMajor(m[1] ?? '') : undefined;
}

/** Whether an image name is a PostgreSQL server image. */
export function isPostgresImage(image: string): boolean {
  return /(?:^|\/)(?:postgres|postgresql)(?:[:@]|$)/.test(image.trim().replace(/^["']|["']$/g, ''));
}

export type Gate = 'ok' | 'unknown' | 'too-old';

/**
 * Whether `major` has a setting added in `since`. A bare 9 (the profile takes whole numbers) is
 * unknown for 9.x features.
 */
export function gate(major: number | undefined, since: number): Gate {
  if (major === undefined) return 'unknown';
  if (major === 9 && since > 9 && since < 10) return 'unknown';
  return major >= since ? 'ok' : 'too-old';
}

export function describeMajor(since: number): string {
  return `PostgreSQL ${since}`;
}
