import { defineRule } from '../../../define-rule';
import { versionAtLeast } from '../../_lib/constants';
import { knexConfigs, nested } from '../../_lib/orm';
import { removeMembersEdits } from '../../_lib/syntax';

const KEYS = ['maxConnectionLifetimeMillis', 'maxConnectionLifetimeJitterMillis'];

export default defineRule({
  id: 'js.knex.lifetime-option-unsupported',
  title: 'Knex pool lifetime option that releases before 3.2.0 reject at startup',
  severity: 'error',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports `pool.maxConnectionLifetimeMillis` / `pool.maxConnectionLifetimeJitterMillis` in a Knex PostgreSQL config unless the environment profile says Knex 3.2.0 or newer.',
    why: 'Knex 3.2.0 added connection lifetimes. Older releases hand every `pool` key to tarn, which accepts only its own option names and throws `Tarn: unsupported option opt.maxConnectionLifetimeMillis` when the pool is built, so the application does not start (or its first query fails, depending on when the pool is created). Lifetimes are commonly copied from newer docs into an older project.',
    example: {
      before:
        "knex({ client: 'pg', connection, pool: { min: 0, max: 10, maxConnectionLifetimeMillis: 600000 } })",
      after: "knex({ client: 'pg', connection, pool: { min: 0, max: 10 } })",
    },
    fixSafety:
      'safe when the profile says Knex is older than 3.2.0 (the key makes startup fail; without it the pool works as before). review when the version is unknown: on 3.2.0+ the key works and removing it gives up the lifetime; the alternative is to require knex >= 3.2.0 in package.json and keep it. On a known 3.2.0+ nothing is reported.',
    sources: [
      'https://github.com/knex/knex/blob/master/lib/client.js',
      'https://github.com/knex/knex/blob/master/CHANGELOG.md',
      'https://github.com/Vincit/tarn.js/blob/master/src/Pool.ts',
    ],
  },
  check({ doc, text, format, environment, report }) {
    const version = environment.versions?.knex;
    const supported = versionAtLeast(version, [3, 2, 0]);
    if (supported === true) return;
    for (const config of knexConfigs(doc, format)) {
      const pool = nested(doc, format, config.view, 'pool');
      if (!pool.view) continue;
      const present = KEYS.map((k) => pool.view?.properties.get(k)).filter((p) => p !== undefined);
      if (present.length === 0) continue;
      const names = present.map((p) => p.key).join(', ');
      const removable =
        pool.editable && present.every((p) => p.editable && !p.assigned && p.member.kind === 'pair');
      const edits = removable
        ? removeMembersEdits(
            text,
            pool.view.object,
            present.map((p) => p.member.node),
          )
        : null;
      report({
        range: {
          start: present[0]?.member.node.startIndex ?? config.range.start,
          end: present[0]?.member.node.endIndex ?? config.range.end,
        },
        severity: supported === false ? 'error' : 'warning',
        message:
          supported === false
            ? `${config.label}: Knex ${version} passes pool.${names} to tarn, which throws "Tarn: unsupported option" when the pool is built, so the app cannot connect. Lifetimes need Knex 3.2.0+: remove ${present.length > 1 ? 'them' : 'it'} or upgrade.${edits ? '' : ` Not written: ${pool.blocked ?? 'not a plain key: value pair'}.`}`
            : `${config.label}: pool.${names} exists only since Knex 3.2.0; older releases pass it to tarn, which throws "Tarn: unsupported option" when the pool is built. If package.json allows an older Knex, require knex >= 3.2.0 or remove ${present.length > 1 ? 'them' : 'it'} (set the Knex version in the environment profile to decide).${edits ? '' : ` Not written: ${pool.blocked ?? 'not a plain key: value pair'}.`}`,
        fix: edits
          ? {
              safety: supported === false ? 'safe' : 'review',
              description: `Remove pool.${names}.`,
              edits,
            }
          : null,
      });
    }
  },
});
