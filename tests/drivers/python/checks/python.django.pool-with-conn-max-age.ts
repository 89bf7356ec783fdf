import type { EngineReport } from '../report';
import { djangoReport, poolOn } from './_lib/django';

/** A Django pool runs with CONN_MAX_AGE 0, the only value Django accepts with it. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  if (!report || !poolOn(report)) return null;
  const age = report.settings.CONN_MAX_AGE;
  return age === 0 ? null : `${report.alias}: pool with CONN_MAX_AGE=${age}`;
}
