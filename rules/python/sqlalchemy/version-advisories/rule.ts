import { defineRule } from '../../../define-rule';
import { effectiveFamily, sqlalchemyAtLeast, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { literalTruthiness } from '../../_lib/syntax';

export default defineRule({
  id: 'python.sqlalchemy.version-advisories',
  title: 'SQLAlchemy versions with known dead-connection bugs for this engine',
  severity: 'info',
  formats: ['python'],
  docs: {
    what: 'Reports `postgresql+asyncpg` engines when the SQLAlchemy version is unknown or older than 2.0.50 (a connection broken in the middle of a transaction went back to the pool, #13241), and pre-pinging asyncpg engines on versions before 2.0.21 (the ping broke behind PgBouncer in transaction mode, #10226). Also reports `pool_reset_on_return=None`, which removes one of the points where a dead connection is noticed.',
    why: "Configuration cannot work around these: on the affected versions a connection killed mid-transaction (failover, pg_terminate_backend) raised asyncpg's InternalClientError, which SQLAlchemy did not map to a disconnect, so the dead connection was reused and failed again. Upgrading is the fix. State your SQLAlchemy version in the environment (sqlalchemy=2.0.50) to silence the version notes.",
    example: {
      before: 'engine = create_async_engine("postgresql+asyncpg://app@db/app", pool_reset_on_return=None)',
      after: 'engine = create_async_engine("postgresql+asyncpg://app@db/app")',
    },
    fixSafety:
      'none: an upgrade (SQLAlchemy ≥ 2.0.50) is not a config edit, and whether a connection reset on return is worth its round trip depends on the application; staleproof only informs.',
    sources: [
      'https://github.com/sqlalchemy/sqlalchemy/issues/13241',
      'https://github.com/sqlalchemy/sqlalchemy/issues/10226',
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#more-on-invalidation',
    ],
  },
  check({ doc, environment, report }) {
    const version = environment.versions?.sqlalchemy;
    const fixedMidTransaction = sqlalchemyAtLeast(version, [2, 0, 50]);
    const fixedPing = sqlalchemyAtLeast(version, [2, 0, 21]);
    const assumed = version
      ? `SQLAlchemy ${version}`
      : 'the SQLAlchemy version is not stated, so a version before the fix is assumed';
    for (const engine of sqlalchemyEngines(doc)) {
      const reset = engine.option('pool_reset_on_return');
      if (reset && reset.value.type === 'none') {
        report({
          range: { start: reset.element.startIndex, end: reset.element.endIndex },
          message: `${engine.site.name}() sets pool_reset_on_return=None: connections go back to the pool without the rollback that would notice a dead socket, so the next checkout finds out instead. Keep pool_pre_ping=True on this engine.`,
          fix: null,
        });
      }
      if (effectiveFamily(doc, engine).family !== 'asyncpg' || fixedMidTransaction === true) continue;
      const prePing = engine.option('pool_pre_ping');
      const pings = prePing ? literalTruthiness(prePing.value) === true : false;
      const pingNote =
        pings && fixedPing !== true
          ? ' Before 2.0.21 the asyncpg pre-ping also failed behind PgBouncer in transaction mode (#10226).'
          : '';
      report({
        range: { start: engine.site.callee.startIndex, end: engine.site.callee.endIndex },
        message: `asyncpg engine: before SQLAlchemy 2.0.50 a connection killed in the middle of a transaction raised InternalClientError, which was not treated as a disconnect, so the dead connection went back to the pool (#13241).${pingNote} ${assumed}; upgrade to 2.0.50 or later.`,
        fix: null,
      });
    }
  },
});
