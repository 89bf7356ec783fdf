import type { Rule } from './define-rule';
import { ASYNCPG_RULES } from './python/asyncpg/index';
import { DJANGO_RULES } from './python/django/index';
import { FLASK_SQLALCHEMY_RULES } from './python/flask_sqlalchemy/index';
import { LIBPQ_RULES } from './python/libpq/index';
import { PSYCOPG_RULES } from './python/psycopg/index';
import { PSYCOPG_POOL_RULES } from './python/psycopg_pool/index';
import { PSYCOPG2_POOL_RULES } from './python/psycopg2_pool/index';
import { SQLALCHEMY_RULES } from './python/sqlalchemy/index';

/**
 * Every rule, in the order their fixes are applied when several insert at the same place. Each
 * library keeps its own list next to its rules, so adding a rule touches one short file.
 */
export const RULES: readonly Rule[] = [
  ...SQLALCHEMY_RULES,
  ...LIBPQ_RULES,
  ...PSYCOPG_RULES,
  ...PSYCOPG_POOL_RULES,
  ...PSYCOPG2_POOL_RULES,
  ...ASYNCPG_RULES,
  ...DJANGO_RULES,
  ...FLASK_SQLALCHEMY_RULES,
];

export type { Rule, RuleContext, RuleDocs, RuleMeta, RuleReport } from './define-rule';
