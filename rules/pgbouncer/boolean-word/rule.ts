import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';
import { booleanWordValue } from '../_lib/values';

export default defineRule({
  id: 'pgbouncer.boolean-word',
  title: 'PgBouncer 0/1 setting written as a word',
  severity: 'error',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports a `[pgbouncer]` switch (`tcp_keepalive`, `server_fast_close`, `log_connections`, …) whose value is `on`, `off`, `yes`, `no`, `true` or `false` in any case.',
    why: 'These switches are plain integers to PgBouncer: the value goes through `strtol`, which accepts no words, so `tcp_keepalive = yes` makes the whole config fail to load.',
    example: { before: 'tcp_keepalive = yes', after: 'tcp_keepalive = 1' },
    fixSafety:
      'safe: the word is replaced by the number with the same meaning (1 for on/yes/true, 0 for off/no/false).',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    for (const s of config.settings) {
      const v = booleanWordValue(s.key, s.token);
      if (v === null) continue;
      report({
        range: s.tokenRange,
        message: `${s.key} = ${s.token}: PgBouncer reads this switch as an integer and rejects words, so the config does not load. Write ${v}.`,
        fix: { safety: 'safe', description: `Write ${s.key} = ${v}.`, edits: [{ ...s.tokenRange, text: v }] },
      });
    }
  },
});
