import type { EnvironmentProfile } from '../../../core/environment';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import type { HikariSite } from './hikari';
import { optionsSettingMs, pgTargets } from './pg';

/**
 * The shortest idle timeout known on the path, in ms, and where it comes from: the middlebox idle
 * timeout stated in the environment, a clean-close timer another file of the deployment states, or
 * PostgreSQL's `idle_session_timeout` passed in the URL's `options`. Null when neither is known: the default guess is not enough to propose a number here.
 */
export function knownIdleLimit(
  doc: ParsedDocument,
  environment: EnvironmentProfile,
  site: HikariSite,
): { ms: number; source: string } | null {
  const found: Array<{ ms: number; source: string }> = [];
  // A clean-close timer the deployment's other files state (PgBouncer's client_idle_timeout, the
  // server's idle_session_timeout): part of L_idle in the reference's model.
  if (environment.idleCloseSeconds !== undefined) {
    found.push({
      ms: environment.idleCloseSeconds * 1000,
      source: `${environment.idleCloseSource ?? 'a server-side idle timeout'} (${environment.idleCloseSeconds} s)`,
    });
  }
  if (environment.middleboxIdleSeconds !== undefined) {
    found.push({
      ms: environment.middleboxIdleSeconds * 1000,
      source: `the stated middlebox idle timeout (${environment.middleboxIdleSeconds} s)`,
    });
  }
  const target = pgTargets(doc, environment).find(
    (t) =>
      t.site === site ||
      (t.url && site.url && t.range.start >= site.url.range.start && t.range.end <= site.url.range.end),
  );
  const session = target ? optionsSettingMs(target, 'idle_session_timeout') : null;
  if (session !== null && session > 0)
    found.push({ ms: session, source: `idle_session_timeout=${session} ms in the URL options` });
  return found.sort((a, b) => a.ms - b.ms)[0] ?? null;
}
