import type { EngineReport } from '../../report';

/** What the harness adds for libpq connections: the hosts the fixture itself named (null: not shown). */
type LibpqReport = EngineReport & { fixtureHosts?: string[] | null };

/**
 * The live libpq parameters of a connection the libpq rules are about: a libpq driver whose fixture
 * names a TCP target. Null for asyncpg / SQLite engines, Unix sockets, and targets the fixture
 * takes from the environment (there the rules only suggest, so there is nothing to check).
 */
export function tcpLibpqParameters(engine: EngineReport): Record<string, string> | null {
  const hosts = (engine as LibpqReport).fixtureHosts;
  if (!engine.libpq || !hosts) return null;
  const named = hosts.filter((h) => h !== '');
  if (named.length === 0 || named.every((h) => h.startsWith('/') || h.startsWith('@'))) return null;
  return engine.libpq;
}

/** Fixtures may list several hosts; the harness reports them all before pointing at the test server. */
export function isMultiHost(engine: EngineReport): boolean {
  const hosts = (engine as LibpqReport).fixtureHosts ?? [];
  return hosts.flatMap((h) => h.split(',')).length > 1;
}

export function keepalivesProblem(params: Record<string, string>): string | null {
  if (params.keepalives === '0') return 'libpq has keepalives=0';
  const idle = Number(params.keepalives_idle ?? '0');
  if (!(idle > 0)) return 'libpq runs without keepalives_idle (OS default: 7200 s)';
  return null;
}
