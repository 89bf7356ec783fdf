import type { EngineReport } from '../report';
import { djangoReport } from './_lib/django';
import { keepalivesProblem } from './_lib/libpq';

/** libpq itself reports keepalives on a Django connection whose fixture names a TCP host. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  if (!report || !engine.libpq) return null;
  const host = report.host ?? '';
  if (host === '' || host.startsWith('/')) return null; // libpq's Unix socket: keepalives do not apply
  return keepalivesProblem(engine.libpq);
}
