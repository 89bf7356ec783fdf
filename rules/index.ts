import type { Rule } from './define-rule';
import pythonSqlalchemyPrePingMissing from './python/sqlalchemy/pre-ping-missing/rule';

/** Every rule, in the order their fixes are applied when several insert at the same place. */
export const RULES: readonly Rule[] = [pythonSqlalchemyPrePingMissing];

export type { Rule, RuleContext, RuleDocs, RuleMeta, RuleReport } from './define-rule';
