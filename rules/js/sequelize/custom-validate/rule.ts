import { defineRule } from '../../../define-rule';
import { nested, sequelizeSites } from '../../_lib/orm';

export default defineRule({
  id: 'js.sequelize.custom-validate',
  title: 'Sequelize pool.validate replaces the check that drops broken connections',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports `new Sequelize(...)` options with a `pool.validate` function of their own.',
    why: "Sequelize's default validate hands out a connection only if it is not marked broken: its node-postgres client's `error` listener sets `_invalid`, and `_ending` is set while it closes. A custom validate replaces that check, so unless it tests the same flags a connection that already failed (reset by a failover, closed by the server) is handed out again and the next query fails with it.",
    example: {
      before: 'new Sequelize(url, { pool: { validate: (c) => c.readyForQuery !== false } });',
      after:
        'new Sequelize(url, { pool: { validate: (c) => !c._invalid && !c._ending && c.readyForQuery !== false } });',
    },
    fixSafety:
      'none: the function is code with its own intent; the message says which flags it must also reject.',
    sources: [
      'https://github.com/sequelize/sequelize/blob/v6/src/dialects/postgres/connection-manager.js',
      'https://github.com/sequelize/sequelize/blob/v6/src/dialects/abstract/connection-manager.js',
    ],
  },
  check({ doc, format, report }) {
    for (const site of sequelizeSites(doc, format)) {
      if (!site.options) continue;
      const pool = nested(doc, format, site.options, 'pool');
      const validate = pool.view?.properties.get('validate') ?? null;
      if (!validate) continue;
      const text = validate.member.node.text;
      if (/_invalid/.test(text) && /_ending/.test(text)) continue;
      report({
        range: { start: validate.member.node.startIndex, end: validate.member.node.endIndex },
        message: `${site.label}: pool.validate replaces Sequelize's own check, which rejects connections marked _invalid (their client emitted an error, e.g. after a failover or reset) or _ending. Unless it returns false for those too, a broken connection is handed out again and the next query fails. Add \`!connection._invalid && !connection._ending\` to it.`,
        fix: null,
      });
    }
  },
});
