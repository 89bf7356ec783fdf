import { defineRule } from '../../define-rule';
import { numberOf, reportRange } from '../_lib/config';
import { mainConfig, SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.listen-backlog-small',
  title: 'Small PgBouncer listen backlog for reconnect storms',
  severity: 'info',
  formats: ['pgbouncer-ini'],
  optIn: true,
  docs: {
    what: 'Opt-in advisory: reports `listen_backlog` below 1024 (the default is 128).',
    why: 'After a failover or a PgBouncer restart every application instance reconnects at once. Connections beyond the accept backlog are dropped or retried by the kernel with growing delays, which adds seconds to recovery for the unlucky clients.',
    example: { before: 'listen_backlog = 128', after: 'listen_backlog = 1024' },
    fixSafety:
      'none: an advisory. A larger backlog needs net.core.somaxconn at least as high (the kernel caps it silently) and takes effect only after a restart.',
    sources: [SRC.config],
  },
  check({ doc, report }) {
    const config = mainConfig(doc);
    if (!config) return;
    const n = numberOf(config, 'listen_backlog');
    if (n === null || n >= 1024) return;
    report({
      range: reportRange(config, 'listen_backlog'),
      message: `listen_backlog is ${n}: in a reconnect storm after a failover, connections beyond the backlog are dropped or delayed. Consider listen_backlog = 1024 (with net.core.somaxconn at least as high; needs a restart).`,
      fix: null,
    });
  },
});
