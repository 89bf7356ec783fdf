import type { Rule } from '../../define-rule';
import checkMissing from './check-missing/rule';
import lifetimeMisread from './lifetime-misread/rule';

/** psycopg_pool `ConnectionPool` / `AsyncConnectionPool` settings. */
export const PSYCOPG_POOL_RULES: readonly Rule[] = [checkMissing, lifetimeMisread];
