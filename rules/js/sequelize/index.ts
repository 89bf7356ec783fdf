import type { Rule } from '../../define-rule';
import customValidate from './custom-validate/rule';
import poolKeepsStaleConns from './pool-keeps-stale-conns/rule';
import unforwardedDialectOption from './unforwarded-dialect-option/rule';

/** Sequelize v6 (`new Sequelize(...)` with the postgres dialect): pool, dialectOptions, validate. */
export const SEQUELIZE_RULES: readonly Rule[] = [
  poolKeepsStaleConns,
  unforwardedDialectOption,
  customValidate,
];
