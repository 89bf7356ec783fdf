import type { Rule } from './define-rule';
import { SQLALCHEMY_RULES } from './python/sqlalchemy/index';

/**
 * Every rule, in the order their fixes are applied when several insert at the same place. Each
 * library keeps its own list next to its rules, so adding a rule touches one short file.
 */
export const RULES: readonly Rule[] = [...SQLALCHEMY_RULES];

export type { Rule, RuleContext, RuleDocs, RuleMeta, RuleReport } from './define-rule';
