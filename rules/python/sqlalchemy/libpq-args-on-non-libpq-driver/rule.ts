import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import type { Param } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { removeElementsEdits } from '../../_lib/remove-elements';
import {
  addConnectArgsEdit,
  connectArgsOf,
  effectiveFamily,
  sqlalchemyEngines,
  urlCreateOf,
} from '../../_lib/sqlalchemy';
import { dictEntries, keywordArguments, removeElementEdit } from '../../_lib/syntax';
import { removeParamsEdits, shiftEdits } from '../../_lib/url-params';

/** libpq connection keywords that asyncpg.connect() and pg8000.connect() do not take. */
const LIBPQ_KEYS = new Set([
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'connect_timeout',
  'options',
  'sslmode',
]);
/** asyncpg *pool* arguments: they belong to asyncpg.create_pool, which SQLAlchemy never calls. */
const ASYNCPG_POOL_KEYS = new Set([
  'max_inactive_connection_lifetime',
  'min_size',
  'max_size',
  'max_queries',
]);
/** pg8000 has no target_session_attrs; asyncpg has it since 0.28. */
const PG8000_ONLY = new Set(['target_session_attrs']);

const NUMBER = /^\d+(\.\d+)?$/;

/** Where an offending key sits: the URL query, `connect_args`, or a `URL.create(query=...)` dict. */
interface Entry {
  name: string;
  key: Node;
  value: Node;
  element: Node;
}

function stringContent(node: Node): Node | null {
  return node.type === 'string'
    ? (node.namedChildren.find((c) => c?.type === 'string_content') ?? null)
    : null;
}

function literalText(node: Node): string | null {
  if (node.type === 'integer' || node.type === 'float') return node.text;
  const content = stringContent(node);
  return content ? content.text : null;
}

export default defineRule({
  id: 'python.sqlalchemy.libpq-args-on-non-libpq-driver',
  title: 'libpq connection keywords on an asyncpg or pg8000 SQLAlchemy engine',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports libpq keywords (`keepalives*`, `tcp_user_timeout`, `connect_timeout`, `options`, `sslmode`; `target_session_attrs` for pg8000) and asyncpg pool arguments (`max_inactive_connection_lifetime`, `min_size`, `max_size`, `max_queries`) in the URL query, `connect_args` or `URL.create(query=...)` of a `postgresql+asyncpg` or `postgresql+pg8000` engine. Engines whose driver the file does not show are left alone.',
    why: "SQLAlchemy passes the URL query and connect_args to the driver's connect() as keyword arguments. asyncpg and pg8000 are not libpq: the first connection fails with \"TypeError: connect() got an unexpected keyword argument 'keepalives'\". The engine is created fine, so the crash appears at the first request, typically after copying a psycopg2 keepalive snippet.",
    example: {
      before:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app?sslmode=require&connect_timeout=10", pool_pre_ping=True)',
      after:
        'engine = create_async_engine("postgresql+asyncpg://app@db/app?ssl=require", pool_pre_ping=True, connect_args={"timeout": 10})',
    },
    fixSafety:
      'safe: it removes a crash. For asyncpg, `connect_timeout=N` becomes `connect_args={"timeout": N}` (a number, seconds), `sslmode=X` becomes `ssl=X` (asyncpg takes the same mode names), and keepalive, `tcp_user_timeout` and pool keys are dropped: asyncpg has no client keepalive (MagicStack/asyncpg#606), and the engine\'s pool_recycle and pool_size replace the pool keys. `options` and pg8000\'s `sslmode` are reported without an edit: dropping them would lose a server setting or TLS.',
    sources: [
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/dialects/postgresql/asyncpg.py',
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/issues/606',
      'https://github.com/tlocke/pg8000#connect',
    ],
  },
  check({ doc, text, report }) {
    const urlsDone = new Set<number>();
    for (const engine of sqlalchemyEngines(doc)) {
      const { family, driver } = effectiveFamily(doc, engine);
      if (family !== 'asyncpg' && family !== 'pg8000') continue;
      const asyncpg = family === 'asyncpg';
      const isBad = (key: string) =>
        LIBPQ_KEYS.has(key) || (asyncpg ? ASYNCPG_POOL_KEYS.has(key) : PG8000_ONLY.has(key));
      /** Keys no safe edit can carry over: reported, left in place. */
      const keep = (key: string) => key === 'options' || (!asyncpg && key === 'sslmode');

      const edits: TextEdit[] = [];
      const found: string[] = [];
      const manual: string[] = [];
      let timeout: string | null = null;
      let timeoutLost = false;

      // 1. The URL query, once per literal even when several engines share it.
      const parsed = engine.parsedUrl;
      const url = engine.url;
      if (parsed && url && !urlsDone.has(url.node.startIndex)) {
        const bad = parsed.params.filter((p) => isBad(p.key));
        if (bad.length > 0) urlsDone.add(url.node.startIndex);
        const remove: Param[] = [];
        for (const p of bad) {
          found.push(`${p.key} in the URL`);
          if (keep(p.key)) {
            manual.push(p.key);
          } else if (asyncpg && p.key === 'sslmode') {
            if (parsed.params.some((q) => q.key === 'ssl')) remove.push(p);
            else
              edits.push({
                start: url.contentStart + p.range.start,
                end: url.contentStart + p.range.start + 7,
                text: 'ssl',
              });
          } else {
            if (p.key === 'connect_timeout') {
              if (asyncpg && NUMBER.test(p.value)) timeout = p.value;
              else timeoutLost = true;
            }
            remove.push(p);
          }
        }
        edits.push(...shiftEdits(removeParamsEdits(parsed, remove), url.contentStart));
      }

      // 2. connect_args and URL.create(query=...): dict entries.
      const args = connectArgsOf(doc, engine);
      const created = urlCreateOf(doc, engine);
      const sets: Array<{
        label: string;
        entries: Entry[];
        container: Node;
        whole: { container: Node; element: Node } | null;
      }> = [];
      if (args.kind === 'dict') {
        sets.push({
          label: 'connect_args',
          entries: args.entries,
          container: args.container,
          whole: { container: args.option.container, element: args.option.element },
        });
      }
      if (created?.query && created.queryArgument) {
        const q = created.query;
        const entries: Entry[] =
          q.kind === 'dict-literal'
            ? dictEntries(q.dict).map((e) => ({
                name: e.key,
                key: e.keyNode,
                value: e.value,
                element: e.node,
              }))
            : keywordArguments(q.args).map((k) => ({
                name: k.name,
                key: k.nameNode,
                value: k.value,
                element: k.node,
              }));
        const callArgs = created.call.childForFieldName('arguments') as Node;
        sets.push({
          label: 'URL.create(query=...)',
          entries,
          container: q.kind === 'dict-literal' ? q.dict : q.args,
          whole: { container: callArgs, element: created.queryArgument },
        });
      }
      const argsTimeout = args.kind === 'dict' && args.entries.some((e) => e.name === 'timeout');
      for (const set of sets) {
        const bad = set.entries.filter((e) => isBad(e.name));
        const remove: Entry[] = [];
        for (const e of bad) {
          found.push(`${e.name} in ${set.label}`);
          if (keep(e.name)) {
            manual.push(e.name);
          } else if (asyncpg && e.name === 'sslmode' && !set.entries.some((o) => o.name === 'ssl')) {
            const content = stringContent(e.key);
            const range = content ?? e.key;
            edits.push({ start: range.startIndex, end: range.endIndex, text: 'ssl' });
          } else if (
            asyncpg &&
            e.name === 'connect_timeout' &&
            set.label === 'connect_args' &&
            !argsTimeout
          ) {
            // Same dict: rename the key, and make sure the value is a number.
            const content = stringContent(e.key);
            const range = content ?? e.key;
            edits.push({ start: range.startIndex, end: range.endIndex, text: 'timeout' });
            const value = literalText(e.value);
            if (e.value.type === 'string' && value && NUMBER.test(value))
              edits.push({ start: e.value.startIndex, end: e.value.endIndex, text: value });
          } else {
            if (e.name === 'connect_timeout') {
              const value = literalText(e.value);
              if (asyncpg && value && NUMBER.test(value)) timeout = value;
              else timeoutLost = true;
            }
            remove.push(e);
          }
        }
        if (remove.length === 0) continue;
        const kept = set.entries.filter((e) => !remove.includes(e));
        const addHere = set.label === 'connect_args' && timeout !== null && !argsTimeout;
        if (kept.length === 0 && set.whole && !addHere) {
          edits.push(removeElementEdit(text, set.whole.container, set.whole.element));
        } else if (kept.length === 0 && addHere) {
          const first = set.entries[0] as Entry;
          const last = set.entries.at(-1) as Entry;
          const q =
            args.kind === 'dict' && args.style === 'keyword'
              ? null
              : /^[rbuf]*'/i.test(first.key.text)
                ? "'"
                : '"';
          edits.push({
            start: first.element.startIndex,
            end: last.element.endIndex,
            text: q ? `${q}timeout${q}: ${timeout}` : `timeout=${timeout}`,
          });
          timeout = null;
        } else {
          edits.push(
            ...removeElementsEdits(
              text,
              set.container,
              remove.map((e) => e.element),
            ),
          );
        }
      }

      if (found.length === 0) continue;
      if (timeout !== null && !argsTimeout) {
        const edit = addConnectArgsEdit(text, engine, args, [['timeout', timeout]]);
        if (edit) edits.push(edit);
        else timeoutLost = true;
      }
      const label = driver ?? family;
      const notes: string[] = [];
      if (manual.includes('options'))
        notes.push(
          asyncpg
            ? 'move options=-c name=value into connect_args={"server_settings": {"name": "value"}} yourself (PgBouncer rejects both)'
            : 'pg8000 has no options keyword; set the server setting another way (ALTER ROLE … SET)',
        );
      if (manual.includes('sslmode'))
        notes.push(
          'pg8000 takes TLS as connect_args={"ssl_context": ssl.create_default_context()}; replace sslmode with that',
        );
      if (timeoutLost)
        notes.push(
          asyncpg
            ? 'set connect_args={"timeout": N} (seconds) yourself to keep a connect timeout'
            : "pg8000's own timeout= bounds every socket read, not only the connect: add it only if that is wanted",
        );
      const anchor = engine.urlNode ?? engine.site.callee;
      report({
        range: { start: anchor.startIndex, end: anchor.endIndex },
        message: `${engine.site.name}() uses ${label}, which is not libpq, but passes ${found.join(', ')}: the first connection fails with "TypeError: connect() got an unexpected keyword argument '${(found[0] ?? '').split(' ')[0]}'".${asyncpg ? ' asyncpg has no client keepalive: pool_recycle and a command_timeout are its substitutes.' : ''}${notes.length ? ` Also: ${notes.join('; ')}.` : ''}`,
        fix:
          edits.length > 0 && manual.length === 0
            ? {
                safety: 'safe',
                description: asyncpg
                  ? 'Drop the libpq keys; connect_timeout becomes connect_args timeout (seconds), sslmode becomes ssl.'
                  : 'Drop the libpq keys pg8000 does not take.',
                edits,
              }
            : null,
      });
    }
  },
});
