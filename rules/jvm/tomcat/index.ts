import type { Rule } from '../../define-rule';
import noBorrowValidation from './no-borrow-validation/rule';
import validationIntervalLong from './validation-interval-long/rule';
import validationUnbounded from './validation-unbounded/rule';

/** Tomcat JDBC pool (Spring `spring.datasource.tomcat.*`, Java / Kotlin `PoolProperties` / `DataSource`). */
export const TOMCAT_RULES: readonly Rule[] = [
  validationIntervalLong,
  noBorrowValidation,
  validationUnbounded,
];
