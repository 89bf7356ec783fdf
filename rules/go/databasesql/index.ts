import type { Rule } from '../../define-rule';
import connMaxIdleTimeMissing from './conn-max-idle-time-missing/rule';
import connMaxLifetimeMissing from './conn-max-lifetime-missing/rule';

/** The lifetime line first: the idle-time line follows it when both insert at the same place. */
export const DATABASESQL_RULES: readonly Rule[] = [connMaxLifetimeMissing, connMaxIdleTimeMissing];
