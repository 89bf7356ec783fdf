import { idleBoundSeconds } from '../../../../core/canonical';
import { effectiveIdleLimit, effectiveMiddleboxIdleSeconds } from '../../../../core/environment';
import { defineRule } from '../../../define-rule';
import {
  idleLoss,
  numericLiteral,
  recycleBasis,
  reusesConnections,
  sqlalchemyEngines,
} from '../../_lib/sqlalchemy';
import { iniEngineSections, setIniValueEdit } from '../../_lib/sqlalchemy-ini';

export default defineRule({
  id: 'python.sqlalchemy.recycle-too-long',
  title: 'SQLAlchemy pool_recycle outlives the middlebox idle timeout',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: "Reports a literal `pool_recycle` (or INI `sqlalchemy.pool_recycle`) at or above the smallest middlebox idle timeout on the path: 240 s unless you state yours; with pre-ping off, also at or above a tighter idle timer another file of the deployment states (PgBouncer's `client_idle_timeout`, PostgreSQL's `idle_session_timeout`), which closes the connection cleanly where pre-ping would have caught it. The common 3600 and 7200 come from MySQL's `wait_timeout` advice and do not fit a PostgreSQL path through a NAT or load balancer.",
    why: "Recycling compares a connection's age at checkout. With a bound longer than the idle timeout of a NAT gateway or load balancer, a connection that sat idle past that timeout is still handed out: its flow is gone, the first query fails, or a pre-ping on it hangs until TCP gives up.",
    example: {
      before: 'engine = create_engine(URL, pool_pre_ping=True, pool_recycle=3600)',
      after: 'engine = create_engine(URL, pool_pre_ping=True, pool_recycle=200)',
    },
    fixSafety:
      'safe: connections are replaced more often, and per-connection session state (SET commands, temporary tables) is lost with them. The new value is the middlebox idle timeout minus 40 s (200 s when unknown); a value already under the timeout is left alone.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#setting-pool-recycle',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#connection-idle-timeout',
      'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    ],
  },
  check({ doc, environment, report }) {
    const idle = effectiveIdleLimit(environment);
    const limit = idle.seconds;
    const bound = idleBoundSeconds(environment);
    const basis = recycleBasis(environment);
    const tooLong = (seconds: number, at: number, loss: string) =>
      `pool_recycle=${seconds} s lets a connection idle for up to ${seconds} s be handed out, past the ${at} s ${loss}`;
    for (const engine of sqlalchemyEngines(doc)) {
      if (!reusesConnections(engine)) continue;
      const option = engine.option('pool_recycle');
      const value = option ? numericLiteral(option.value) : null;
      // A clean close (PgBouncer's or PostgreSQL's idle timer) is what pre-ping catches at checkout:
      // with it on, only a middlebox's silent drop, which a ping can hang on, needs the recycle.
      const prePing = engine.option('pool_pre_ping')?.value.text === 'True';
      const at = idle.clean && prePing ? effectiveMiddleboxIdleSeconds(environment) : limit;
      if (!option || value === null || value < at) continue;
      const loss =
        at === limit ? idleLoss(environment) : 'after which a NAT or load balancer may have dropped its flow';
      report({
        range: { start: option.value.startIndex, end: option.value.endIndex },
        message: `${engine.site.name}() ${tooLong(value, at, loss)}. Use ${bound}: ${basis}.`,
        fix: {
          safety: 'safe',
          description: `Set pool_recycle=${bound} (seconds).`,
          edits: [{ start: option.value.startIndex, end: option.value.endIndex, text: String(bound) }],
        },
      });
    }
    for (const section of iniEngineSections(doc)) {
      const setting = section.get('pool_recycle');
      const prePing = /^true$/i.test(section.get('pool_pre_ping')?.value ?? '');
      const at = idle.clean && prePing ? effectiveMiddleboxIdleSeconds(environment) : limit;
      if (!setting || !/^\d+$/.test(setting.value) || Number(setting.value) < at) continue;
      const loss =
        at === limit ? idleLoss(environment) : 'after which a NAT or load balancer may have dropped its flow';
      report({
        range: { start: setting.valueStart, end: setting.valueEnd },
        message: `sqlalchemy.${tooLong(Number(setting.value), at, loss).replace('=', ' = ')}. Use ${bound}: ${basis}.`,
        fix: {
          safety: 'safe',
          description: `Set sqlalchemy.pool_recycle = ${bound} (seconds).`,
          edits: [setIniValueEdit(setting, String(bound))],
        },
      });
    }
  },
});
