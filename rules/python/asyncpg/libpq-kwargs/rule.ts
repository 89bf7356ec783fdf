import type { TextEdit } from '../../../../core/types';
import type { Param } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import {
  type AsyncpgOption,
  addOptionEdit,
  asyncpgCalls,
  optionNameRange,
  optionText,
} from '../../_lib/asyncpg';
import { removeElementsEdits } from '../../_lib/remove-elements';
import { stringLiteralValue } from '../../_lib/syntax';
import { removeParamsEdits, shiftEdits } from '../../_lib/url-params';

const KEEPALIVES = ['keepalives', 'keepalives_idle', 'keepalives_interval', 'keepalives_count'];
/** libpq / SQLAlchemy keywords asyncpg.connect() does not take (create_pool passes them on to it). */
const BAD_KEYWORDS = new Set([
  ...KEEPALIVES,
  'tcp_user_timeout',
  'connect_timeout',
  'sslmode',
  'pool_recycle',
]);
/** libpq keys asyncpg does not read from a DSN query: it sends them to the server as settings. */
const BAD_QUERY_KEYS = new Set([...KEEPALIVES, 'connect_timeout', 'tcp_user_timeout']);
const NUMBER = /^\d+(\.\d+)?$/;

export default defineRule({
  id: 'python.asyncpg.libpq-kwargs',
  title: 'libpq connection keywords passed to asyncpg',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `asyncpg.connect()` / `asyncpg.create_pool()` calls given libpq or SQLAlchemy keywords (`keepalives*`, `tcp_user_timeout`, `connect_timeout`, `sslmode`, `pool_recycle`, also inside a `**dict` the file defines), and asyncpg DSNs whose query holds `keepalives*`, `connect_timeout` or `tcp_user_timeout`.',
    why: 'asyncpg is not libpq. An unknown keyword fails the connect with "TypeError: connect() got an unexpected keyword argument \'keepalives\'" (for a pool, when it opens its first connection). An unknown DSN query key is sent to the server as a setting: `?keepalives=1` fails with "UndefinedObjectError: unrecognized configuration parameter", and `?tcp_user_timeout=` is silently accepted by PostgreSQL 12+ as its own setting, which tunes the server\'s socket and does nothing for the client. These usually come from a psycopg2 snippet copied to fight stale connections, which asyncpg cannot do with keepalives at all.',
    example: {
      before:
        'conn = await asyncpg.connect("postgresql://app@db:5432/app?keepalives=1&tcp_user_timeout=10000", connect_timeout=5)',
      after: 'conn = await asyncpg.connect("postgresql://app@db:5432/app", timeout=5)',
    },
    fixSafety:
      "safe: it removes a startup crash (or a server setting that does nothing for the client). `connect_timeout=N` becomes asyncpg's `timeout=N` (seconds, one budget for the whole host list), `sslmode=X` becomes `ssl=X` (asyncpg takes the same mode names; in the DSN query `sslmode` is valid and stays), and keepalive keys, `tcp_user_timeout` and `pool_recycle` are dropped: asyncpg has no client keepalive (MagicStack/asyncpg#606), and `max_inactive_connection_lifetime` plus `command_timeout` are its substitutes, which other rules add. DSNs built with f-strings are reported, not edited.",
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/connect_utils.py',
      'https://github.com/MagicStack/asyncpg/issues/606',
      'https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-TCP-USER-TIMEOUT',
    ],
  },
  check({ doc, text, report }) {
    const dsnsDone = new Set<number>();
    for (const call of asyncpgCalls(doc)) {
      const bad = call.options.filter((o) => BAD_KEYWORDS.has(o.name));
      const dsn = call.dsn;
      const dsnBad: Param[] = dsn?.parsed ? dsn.parsed.params.filter((p) => BAD_QUERY_KEYS.has(p.key)) : [];
      if (bad.length === 0 && dsnBad.length === 0) continue;
      const has = (name: string) => call.options.some((o) => o.name === name);
      const edits: TextEdit[] = [];
      const notes: string[] = [];
      let dsnTimeout: string | null = null;

      if (dsn && dsnBad.length > 0) {
        if (!dsn.editable) {
          notes.push(
            `remove ${dsnBad.map((p) => p.key).join(', ')} from the DSN yourself: staleproof does not edit f-strings`,
          );
        } else {
          // A DSN shared by several calls is edited once; each call still gets its own timeout.
          if (!dsnsDone.has(dsn.node.startIndex)) {
            dsnsDone.add(dsn.node.startIndex);
            const parsed = dsn.parsed as NonNullable<typeof dsn.parsed>;
            edits.push(...shiftEdits(removeParamsEdits(parsed, dsnBad), dsn.contentStart));
          }
          const ct = dsnBad.filter((p) => p.key === 'connect_timeout').at(-1);
          if (ct && NUMBER.test(ct.value)) dsnTimeout = ct.value;
        }
      }

      const removed: AsyncpgOption[] = [];
      for (const o of bad) {
        if (o.name === 'connect_timeout' && !has('timeout') && !call.hiddenOptions) {
          edits.push({ ...optionNameRange(o), text: 'timeout' });
          const s = stringLiteralValue(o.value);
          if (s !== null && NUMBER.test(s))
            edits.push({ start: o.value.startIndex, end: o.value.endIndex, text: s });
        } else if (o.name === 'sslmode' && !has('ssl') && !call.hiddenOptions) {
          edits.push({ ...optionNameRange(o), text: 'ssl' });
        } else {
          removed.push(o);
        }
      }
      // A timeout taken from the DSN takes the place of a removed keyword of the same list when there
      // is one (appending next to a removed last line would overlap it), else goes at the end.
      const addTimeout = dsnTimeout !== null && !has('timeout') && !has('connect_timeout');
      if (addTimeout && call.hiddenOptions) notes.push(`set timeout=${dsnTimeout} (seconds) yourself`);
      const canAdd = addTimeout && !call.hiddenOptions;
      const into = call.insertInto.container.startIndex;
      const replaced = canAdd ? (removed.find((o) => o.container.startIndex === into) ?? null) : null;
      const dropped = removed.filter((o) => o !== replaced);
      const containers = new Map(dropped.map((o) => [o.container.startIndex, o.container]));
      for (const [start, container] of containers) {
        const nodes = dropped.filter((o) => o.container.startIndex === start).map((o) => o.element);
        edits.push(...removeElementsEdits(text, container, nodes));
      }
      if (replaced) {
        edits.push({
          start: replaced.element.startIndex,
          end: replaced.element.endIndex,
          text: optionText(text, call, 'timeout', dsnTimeout as string),
        });
      } else if (canAdd) {
        edits.push(addOptionEdit(text, call, 'timeout', dsnTimeout as string));
      }
      if (removed.some((o) => o.name === 'connect_timeout') && !has('timeout'))
        notes.push('set timeout= (seconds) yourself: a **name this file does not show could already hold it');

      const where: string[] = [];
      if (bad.length > 0)
        where.push(
          `${[...new Set(bad.map((o) => `${o.name}=`))].join(', ')} as keyword${bad.length > 1 ? 's' : ''}`,
        );
      if (dsnBad.length > 0)
        where.push(`${[...new Set(dsnBad.map((p) => p.key))].join(', ')} in the DSN query`);
      const effects: string[] = [];
      const first = bad[0];
      if (first) {
        effects.push(
          `the keyword fails ${call.kind === 'pool' ? "the pool's first connection" : 'the connect'} with "TypeError: connect() got an unexpected keyword argument '${first.name}'"`,
        );
      }
      const crashKey = dsnBad.find((p) => p.key !== 'tcp_user_timeout');
      if (crashKey) {
        effects.push(
          `asyncpg sends unknown DSN keys to the server as settings, so ${crashKey.key} fails with UndefinedObjectError: unrecognized configuration parameter "${crashKey.key}"`,
        );
      }
      if (dsnBad.some((p) => p.key === 'tcp_user_timeout')) {
        effects.push(
          "tcp_user_timeout in the DSN is accepted as the server's own setting: it tunes the server's socket, not asyncpg's",
        );
      }
      const crashes = bad.length > 0 || crashKey !== undefined;
      const mapping = [
        bad.some((o) => o.name === 'connect_timeout') || dsnTimeout
          ? "connect_timeout is asyncpg's timeout= (seconds)"
          : '',
        bad.some((o) => o.name === 'sslmode') ? 'sslmode is ssl= as a keyword' : '',
        bad.some((o) => o.name === 'pool_recycle')
          ? "pool_recycle's counterpart is max_inactive_connection_lifetime (idle time, not age)"
          : '',
      ].filter(Boolean);
      report({
        range: { start: call.site.callee.startIndex, end: call.site.callee.endIndex },
        severity: crashes ? 'error' : 'warning',
        message: `${call.label} is not libpq but gets ${where.join(' and ')}: ${effects.join('; ')}. asyncpg has no client keepalive; max_inactive_connection_lifetime and command_timeout are its substitutes.${mapping.length ? ` ${mapping.join('; ')}.` : ''}${notes.length ? ` Also: ${notes.join('; ')}.` : ''}`,
        fix:
          edits.length > 0
            ? {
                safety: 'safe',
                description:
                  'Drop the libpq keys asyncpg does not take; connect_timeout becomes timeout (seconds), sslmode becomes ssl.',
                edits,
              }
            : null,
      });
    }
  },
});
