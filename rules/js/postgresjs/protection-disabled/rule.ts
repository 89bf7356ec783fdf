import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import { getParam, type Param } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { removeParamsEdits, shiftEdits } from '../../../python/_lib/url-params';
import { versionAtLeast } from '../../_lib/constants';
import { lockedReason } from '../../_lib/options';
import { postgresJsSites } from '../../_lib/postgresjs';
import { removeMembersEdits, valueKind } from '../../_lib/syntax';

const KEYS = {
  max_lifetime:
    'a connection is never rotated (default: a random 30 to 60 minutes), so after a failover it can stay on a node that is alive but wrong',
  keep_alive:
    'TCP keepalive is off (default: a probe after 60 s idle), so a connection a NAT or load balancer dropped while idle is only found when a query hangs on it',
} as const;

export default defineRule({
  id: 'js.postgresjs.protection-disabled',
  title: 'postgres.js lifetime or keepalive switched off',
  severity: 'warning',
  formats: ['javascript', 'typescript', 'tsx'],
  docs: {
    what: 'Reports postgres.js (v3) `max_lifetime` or `keep_alive` set to `null`, `0` or `false`, in the options or the connection string — usually copied from the option table in the README, which lists `null` as the default.',
    why: 'postgres.js protects its connections by default: each one is closed after a random 30–60 minutes (`max_lifetime`) and has TCP keepalive after 60 s of silence (`keep_alive`). `null`, `0` or `false` turns that off: an idle connection a middlebox dropped is not noticed until a query hangs on it, and a busy one is never moved off a demoted primary or a stale DNS answer.',
    example: {
      before: 'const sql = postgres(process.env.DATABASE_URL, { max: 10, max_lifetime: null });',
      after: 'const sql = postgres(process.env.DATABASE_URL, { max: 10 });',
    },
    fixSafety:
      'safe: the fix deletes the key (or the URL parameter), so postgres.js falls back to its own defaults (random 30–60 min lifetime, 60 s keepalive), which only add a reconnect per lifetime and a probe packet per minute of silence. Only literals are removed. postgres.js v2 has neither option: if you state postgresjs=2.x it is only reported.',
    sources: [
      'https://github.com/porsager/postgres/blob/master/src/index.js',
      'https://github.com/porsager/postgres/blob/master/src/connection.js',
      'https://github.com/porsager/postgres#connection-details',
      'https://github.com/porsager/postgres/issues/179',
    ],
  },
  check({ doc, text, format, environment, report }) {
    const v3 = versionAtLeast(environment.versions?.postgresjs, [3]);
    for (const site of postgresJsSites(doc, format)) {
      const members = new Map<Node, Node[]>();
      const params: Param[] = [];
      const found: string[] = [];
      let blocked =
        v3 === false
          ? `you stated postgres.js ${environment.versions?.postgresjs}, which has neither option`
          : null;
      for (const key of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
        const property = site.options?.properties.get(key);
        if (property) {
          const kind = valueKind(doc, property.value);
          const off =
            kind.kind === 'null' ||
            kind.kind === 'nan' ||
            (kind.kind === 'boolean' && !kind.value) ||
            (kind.kind === 'number' && kind.value === 0);
          if (!off) continue;
          found.push(`${key}: ${property.value.text} (${KEYS[key]})`);
          if (property.editable && property.member.kind === 'pair') {
            const list = members.get(property.container) ?? [];
            list.push(property.member.node);
            members.set(property.container, list);
          } else blocked = blocked ?? lockedReason(property);
          continue;
        }
        if (site.options?.hiddenKeys) continue;
        const url = site.url && site.url !== 'env' ? site.url : null;
        const param = url?.parsed ? getParam(url.parsed, key) : undefined;
        if (!url || !param) continue;
        if (!/^(0|false|disable|)$/.test(param.value)) continue;
        found.push(`${key}=${param.value} in the URL (${KEYS[key]})`);
        if (url.editable) params.push(param);
        else blocked = blocked ?? 'the connection string is used elsewhere in this file too';
      }
      if (found.length === 0) continue;
      const edits: TextEdit[] = [];
      for (const [container, nodes] of members) edits.push(...removeMembersEdits(text, container, nodes));
      const url = site.url && site.url !== 'env' ? site.url : null;
      if (params.length > 0 && url?.parsed)
        edits.push(...shiftEdits(removeParamsEdits(url.parsed, params), url.literal.contentStart));
      report({
        range: site.range,
        message: `${site.label} switches off postgres.js's own protection: ${found.join('; ')}. Removing the setting restores the default.${blocked ? ` Not written: ${blocked}.` : ''}`,
        fix:
          blocked || edits.length === 0
            ? null
            : { safety: 'safe', description: 'Remove the setting so postgres.js uses its default.', edits },
      });
    }
  },
});
