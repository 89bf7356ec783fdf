import type { Rule } from '../../define-rule';
import maxConnLifetimeMissing from './max-conn-lifetime-missing/rule';
import maxWaitInfinite from './max-wait-infinite/rule';
import validationUnbounded from './validation-unbounded/rule';

/** Apache Commons DBCP2 (Spring `spring.datasource.dbcp2.*`, Java / Kotlin `BasicDataSource`). */
export const DBCP2_RULES: readonly Rule[] = [validationUnbounded, maxConnLifetimeMissing, maxWaitInfinite];
