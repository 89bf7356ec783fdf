import { asyncpgFacts, type EngineReport } from '../report';

/**
 * A multi-host fixture ends up with a target_session_attrs asyncpg accepted. asyncpg 0.27 (Debian 12)
 * has no such parameter, so there the review golden cannot run and this check never sees it.
 */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  const hosts = (engine.fixtureHosts ?? []).flatMap((h) => h.split(',')).filter((h) => h !== '');
  if (!facts || hosts.length < 2) return null;
  const value = facts.target_session_attrs;
  return value && value !== 'any' ? null : 'multi-host connection without target_session_attrs';
}
