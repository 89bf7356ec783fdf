import { asyncpgFacts, type EngineReport } from '../report';

/** Every server setting is a string, and the server shows each one: they reached it. */
export function check(engine: EngineReport): string | null {
  const facts = asyncpgFacts(engine);
  if (!facts) return null;
  for (const [name, value] of Object.entries(facts.server_settings)) {
    if (typeof value !== 'string') return `server setting ${name} is ${JSON.stringify(value)}, not a string`;
    const shown = facts.shown[name];
    if (shown === null || shown === undefined) return `the server does not show ${name}`;
  }
  return null;
}
