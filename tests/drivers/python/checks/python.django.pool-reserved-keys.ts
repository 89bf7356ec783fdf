import type { EngineReport } from '../report';
import { djangoReport, poolOn } from './_lib/django';

const RESERVED = ['check', 'kwargs', 'open', 'configure'];

/** The pool options Django splats into ConnectionPool(...) repeat none of its own arguments. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  const pool = report?.settings.OPTIONS?.pool;
  if (!report || !poolOn(report) || !pool || typeof pool !== 'object') return null;
  const repeated = RESERVED.filter((key) => key in pool);
  return repeated.length ? `${report.alias}: pool options repeat ${repeated.join(', ')}` : null;
}
