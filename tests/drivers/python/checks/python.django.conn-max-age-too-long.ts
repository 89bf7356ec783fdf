import type { EngineReport } from '../report';
import { djangoReport, healthCheckProblem, poolOn } from './_lib/django';

/** The tightest common middlebox idle timeout (core/environment.ts DEFAULT_MIDDLEBOX_IDLE_SECONDS). */
const MIDDLEBOX_IDLE_SECONDS = 240;

/** Without health checks, the backend keeps a connection no longer than a middlebox keeps it idle. */
export function check(engine: EngineReport): string | null {
  const report = djangoReport(engine);
  if (!report || poolOn(report) || healthCheckProblem(report) === null) return null;
  const age = report.settings.CONN_MAX_AGE;
  if (age === null) return `${report.alias}: CONN_MAX_AGE=None without health checks`;
  return age >= MIDDLEBOX_IDLE_SECONDS ? `${report.alias}: CONN_MAX_AGE=${age} without health checks` : null;
}
