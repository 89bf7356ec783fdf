import type { EngineReport } from '../report';
import { djangoReport, healthCheckProblem, poolOn } from './_lib/django';

/** A Django pool runs with CONN_HEALTH_CHECKS, and (Django 5.1+) its pool object holds a check. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  if (!report || !poolOn(report)) return null;
  if (report.poolCheck === false) return `${report.alias}: the pool has no check`;
  return healthCheckProblem(report);
}
