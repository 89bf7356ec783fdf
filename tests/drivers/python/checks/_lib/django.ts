import type { EngineReport } from '../../report';

/** What harness_django.py reports of a Django connection (see its describe()). */
export interface DjangoReport {
  version: string;
  alias: string;
  /** The HOST the fixture wrote (null: absent), before the harness pointed it at the test server. */
  host: string | null;
  /** What the backend's settings_dict holds. */
  settings: {
    CONN_MAX_AGE: number | null;
    CONN_HEALTH_CHECKS: boolean | null;
    OPTIONS: Record<string, unknown>;
  };
  /** Django 4.1+: whether the backend will health-check reused connections; null before 4.1. */
  healthCheckEnabled: boolean | null;
  /** Django 5.1+ pools: whether the pool got a check callback. */
  poolCheck: boolean | null;
}

export function djangoReport(engine: EngineReport): DjangoReport | null {
  return engine.kind === 'django' && engine.django ? (engine.django as unknown as DjangoReport) : null;
}

export function djangoAtLeast(report: DjangoReport, major: number, minor: number): boolean {
  const [a = 0, b = 0] = report.version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** OPTIONS["pool"] as Django reads it: an empty dict or False is no pool. */
export function poolOn(report: DjangoReport): boolean {
  const pool = report.settings.OPTIONS?.pool;
  if (pool && typeof pool === 'object') return Object.keys(pool).length > 0;
  return Boolean(pool);
}

/** Connections kept between requests: CONN_MAX_AGE None (forever) or above 0. */
export function persistent(report: DjangoReport): boolean {
  const age = report.settings.CONN_MAX_AGE;
  return age === null || age > 0;
}

/**
 * Health checks as the backend holds them: the key must be True, and Django 4.1+ must also have
 * turned them on for the live connection (3.2 keeps the key without reading it).
 */
export function healthCheckProblem(report: DjangoReport): string | null {
  if (report.settings.CONN_HEALTH_CHECKS !== true)
    return `${report.alias}: the backend holds CONN_HEALTH_CHECKS=${report.settings.CONN_HEALTH_CHECKS}`;
  if (djangoAtLeast(report, 4, 1) && report.healthCheckEnabled !== true)
    return `${report.alias}: Django ${report.version} did not enable health checks`;
  return null;
}
