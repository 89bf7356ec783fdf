import type { EngineReport } from '../report';
import { djangoReport, healthCheckProblem, persistent, poolOn } from './_lib/django';

/** A Django connection kept between requests (without a pool) is health-checked by the backend. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  if (!report || !persistent(report) || poolOn(report)) return null;
  return healthCheckProblem(report);
}
