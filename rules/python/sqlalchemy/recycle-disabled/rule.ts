import { idleBoundSeconds } from '../../../../core/canonical';
import { defineRule } from '../../../define-rule';
import {
  addOptionEdit,
  numericLiteral,
  recycleBasis,
  reusesConnections,
  sqlalchemyEngines,
} from '../../_lib/sqlalchemy';
import { addIniSettingEdit, iniEngineSections, setIniValueEdit } from '../../_lib/sqlalchemy-ini';

/**
 * A pool that keeps connections forever hands out ones a middlebox forgot long ago. `pool_recycle`
 * bounds their age at checkout; -1 (the default) never recycles.
 */
export default defineRule({
  id: 'python.sqlalchemy.recycle-disabled',
  title: 'SQLAlchemy pool never recycles its connections',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: 'Reports SQLAlchemy engines whose pool keeps connections (QueuePool, AsyncAdaptedQueuePool, SingletonThreadPool, the defaults) without `pool_recycle`, with a negative one (-1 means never), or with `pool_recycle=None` (a bug: every checkout raises TypeError). Covers `create_engine`, `create_async_engine` and `sqlalchemy.pool_recycle` in a PasteDeploy / Pyramid `[app:…]` INI section.',
    why: "NAT gateways, load balancers and firewalls forget idle flows (Azure Load Balancer after 4 min, AWS NLB after 350 s), often silently. A connection older than that is dead, and a pre-ping on it can hang until TCP gives up (about 15 min on Linux). `pool_recycle` compares a connection's age since connect at checkout and replaces it when older, so no connection idle past the bound is handed out.",
    example: {
      before: 'engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)',
      after: 'engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True, pool_recycle=200)',
    },
    fixSafety:
      'safe: connections are replaced more often (one reconnect per connection every few minutes), and session state set on a connection (SET commands, temporary tables) is lost with it. The value is the middlebox idle timeout minus 40 s (200 s when unknown). When `**options` come from somewhere this file does not show, no edit is offered, because a second `pool_recycle` would be a duplicate keyword.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#setting-pool-recycle',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/pool/base.py',
      'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, text, environment, report }) {
    const bound = idleBoundSeconds(environment);
    const basis = recycleBasis(environment);
    for (const engine of sqlalchemyEngines(doc)) {
      if (!reusesConnections(engine)) continue;
      const fn = `${engine.site.name}()`;
      const asyncpg =
        engine.family === 'asyncpg'
          ? ' asyncpg has no TCP keepalive, so this bound is its main defence.'
          : '';
      const option = engine.option('pool_recycle');
      if (!option) {
        const range = { start: engine.site.callee.startIndex, end: engine.site.callee.endIndex };
        if (engine.hiddenOptions) {
          report({
            range,
            severity: 'info',
            message: `${fn} does not set pool_recycle here; make sure the options this file does not show set pool_recycle=${bound} (seconds): ${basis}. staleproof cannot see inside them, so it offers no edit.`,
            fix: null,
          });
          continue;
        }
        report({
          range,
          message: `${fn} never recycles pooled connections (pool_recycle defaults to -1): a connection idle past a NAT or load-balancer timeout is handed out dead. pool_recycle=${bound} s: ${basis}.${asyncpg}`,
          fix: {
            safety: 'safe',
            description: `Add pool_recycle=${bound} (seconds).`,
            edits: [addOptionEdit(text, engine, 'pool_recycle', String(bound))],
          },
        });
        continue;
      }
      const value = numericLiteral(option.value);
      const isNone = option.value.type === 'none';
      if (!isNone && (value === null || value >= 0)) continue;
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: isNone
          ? `${fn} sets pool_recycle=None: SQLAlchemy compares it with a number at every checkout and raises "TypeError: '>' not supported between instances of 'NoneType' and 'int'". Use pool_recycle=${bound} (seconds): ${basis}.`
          : `${fn} sets pool_recycle=${option.value.text}, which never recycles: a connection idle past a NAT or load-balancer timeout is handed out dead. pool_recycle=${bound} s: ${basis}.${asyncpg}`,
        fix: {
          safety: 'safe',
          description: `Set pool_recycle=${bound} (seconds).`,
          edits: [{ start: option.value.startIndex, end: option.value.endIndex, text: String(bound) }],
        },
      });
    }

    for (const section of iniEngineSections(doc)) {
      const setting = section.get('pool_recycle');
      if (!setting) {
        report({
          range: {
            start: section.nameNode.startIndex,
            end: section.nameNode.startIndex + section.name.length + 2,
          },
          message: `[${section.name}] configures a SQLAlchemy engine without sqlalchemy.pool_recycle, so pooled connections are never recycled and one idle past a NAT or load-balancer timeout is handed out dead. sqlalchemy.pool_recycle = ${bound} (seconds): ${basis}.`,
          fix: {
            safety: 'safe',
            description: `Add sqlalchemy.pool_recycle = ${bound} (seconds).`,
            edits: [addIniSettingEdit(text, section, 'pool_recycle', String(bound))],
          },
        });
        continue;
      }
      if (!/^-\d+$/.test(setting.value)) continue;
      report({
        range: { start: setting.valueStart, end: setting.valueEnd },
        message: `sqlalchemy.pool_recycle = ${setting.value} never recycles pooled connections: one idle past a NAT or load-balancer timeout is handed out dead. Use ${bound} (seconds): ${basis}.`,
        fix: {
          safety: 'safe',
          description: `Set sqlalchemy.pool_recycle = ${bound} (seconds).`,
          edits: [setIniValueEdit(setting, String(bound))],
        },
      });
    }
  },
});
