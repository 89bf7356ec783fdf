import type { Rule } from './define-rule';
import { GO_RULES } from './go/index';
import { KNEX_RULES } from './js/knex/index';
import { PG_RULES } from './js/pg/index';
import { POSTGRESJS_RULES } from './js/postgresjs/index';
import { PRISMA_RULES } from './js/prisma/index';
import { SEQUELIZE_RULES } from './js/sequelize/index';
import { TYPEORM_RULES } from './js/typeorm/index';
import { C3P0_RULES } from './jvm/c3p0/index';
import { DBCP2_RULES } from './jvm/dbcp2/index';
import { HIKARI_RULES } from './jvm/hikari/index';
import { JVM_RULES } from './jvm/jvm/index';
import { PGJDBC_RULES } from './jvm/pgjdbc/index';
import { QUARKUS_RULES } from './jvm/quarkus/index';
import { SPRING_RULES } from './jvm/spring/index';
import { TOMCAT_RULES } from './jvm/tomcat/index';
import { LINUX_RULES } from './linux/index';
import { PGBOUNCER_RULES } from './pgbouncer/index';
import { POSTGRES_RULES } from './postgres/index';
import { ASYNCPG_RULES } from './python/asyncpg/index';
import { DJANGO_RULES } from './python/django/index';
import { FLASK_SQLALCHEMY_RULES } from './python/flask_sqlalchemy/index';
import { LIBPQ_RULES } from './python/libpq/index';
import { PSYCOPG_RULES } from './python/psycopg/index';
import { PSYCOPG_POOL_RULES } from './python/psycopg_pool/index';
import { PSYCOPG2_POOL_RULES } from './python/psycopg2_pool/index';
import { SQLALCHEMY_RULES } from './python/sqlalchemy/index';
import { RAILS_RULES } from './ruby/rails/index';

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
  ...PG_RULES,
  ...POSTGRESJS_RULES,
  ...PGJDBC_RULES,
  ...HIKARI_RULES,
  ...SPRING_RULES,
  ...GO_RULES,
  ...RAILS_RULES,
  ...SEQUELIZE_RULES,
  ...KNEX_RULES,
  ...TYPEORM_RULES,
  ...PRISMA_RULES,
  ...TOMCAT_RULES,
  ...DBCP2_RULES,
  ...C3P0_RULES,
  ...QUARKUS_RULES,
  ...JVM_RULES,
  ...PGBOUNCER_RULES,
  ...POSTGRES_RULES,
  ...LINUX_RULES,
];

export type { Rule, RuleContext, RuleDocs, RuleMeta, RuleReport } from './define-rule';
