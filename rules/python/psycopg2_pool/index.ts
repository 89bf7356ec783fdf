import type { Rule } from '../../define-rule';
import noValidation from './no-validation/rule';

/** psycopg2.pool `SimpleConnectionPool` / `ThreadedConnectionPool` / `PersistentConnectionPool`. */
export const PSYCOPG2_POOL_RULES: readonly Rule[] = [noValidation];
