import type { Node } from 'web-tree-sitter';
import type { Fix } from '../../../../core/types';
import { defineRule, type Rule } from '../../../define-rule';
import { engineFromConfigCalls } from '../../_lib/sqlalchemy';
import { addIniSettingEdit, iniEngineSections, setIniValueEdit } from '../../_lib/sqlalchemy-ini';
import {
  appendElementEdit,
  dictEntries,
  dictionarySplats,
  findCalls,
  keywordArguments,
  literalTruthiness,
  quoteStyle,
  resolveSplat,
  type SplatSource,
  stringLiteralValue,
} from '../../_lib/syntax';

/** Pools that check out long-lived connections and so can hand out a dead one. */
const PINGABLE_POOLS = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);
/** Pools whose connections are never reused across checkouts (NullPool) or never pinged (StaticPool). */
const UNPINGED_POOLS = new Set(['NullPool', 'StaticPool']);

const ADD_FIX =
  'Add pool_pre_ping=True: each checkout first runs a cheap ping and silently replaces a dead connection.';

function lastName(node: Node): string {
  const text = node.text;
  return text.slice(text.lastIndexOf('.') + 1).trim();
}

/** A dict of engine options: a `{...}` literal or a `dict(...)` call. */
type OptionsDict = { kind: 'dict-literal'; dict: Node } | { kind: 'dict-call'; args: Node };

interface Setting {
  value: Node;
}

/** Finds `pool_pre_ping` in the call's keywords or in a `**dict` defined in the same file. */
function findSetting(
  keywords: ReturnType<typeof keywordArguments>,
  splats: ReadonlyArray<OptionsDict | null>,
  name: string,
): Setting | null {
  const kw = keywords.find((k) => k.name === name);
  if (kw) return { value: kw.value };
  for (const source of splats) {
    if (!source) continue;
    if (source.kind === 'dict-call') {
      const inner = keywordArguments(source.args).find((k) => k.name === name);
      if (inner) return { value: inner.value };
    } else {
      const entry = dictEntries(source.dict).find((e) => e.key === name);
      if (entry) return { value: entry.value };
    }
  }
  return null;
}

function asOptionsDict(value: Node): OptionsDict | null {
  if (value.type === 'dictionary') return { kind: 'dict-literal', dict: value };
  if (value.type === 'call' && value.childForFieldName('function')?.text === 'dict') {
    const args = value.childForFieldName('arguments');
    if (args?.type === 'argument_list') return { kind: 'dict-call', args };
  }
  return null;
}

const FLASK_OPTIONS_QUERY = `
(assignment
  left: [
    (identifier) @key
    (subscript subscript: (string) @key)
  ]
  right: (_) @value)
(keyword_argument name: (identifier) @key value: (_) @value)
`;

/**
 * Flask-SQLAlchemy engine options: `SQLALCHEMY_ENGINE_OPTIONS = {...}` in a config module or class,
 * `app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {...}`, `app.config.update(SQLALCHEMY_ENGINE_OPTIONS=...)`,
 * and `SQLAlchemy(app, engine_options={...})`.
 */
function flaskEngineOptions(
  doc: Parameters<Rule['check']>[0]['doc'],
): Array<{ key: Node; options: OptionsDict }> {
  const out: Array<{ key: Node; options: OptionsDict }> = [];
  for (const match of doc.query(FLASK_OPTIONS_QUERY).matches(doc.root)) {
    const key = match.captures.find((c) => c.name === 'key')?.node;
    const value = match.captures.find((c) => c.name === 'value')?.node;
    if (!key || !value) continue;
    const name = key.type === 'string' ? stringLiteralValue(key) : key.text;
    const isEngineOptions =
      name === 'SQLALCHEMY_ENGINE_OPTIONS' ||
      (name === 'engine_options' &&
        key.parent?.parent?.parent?.childForFieldName('function')?.text.endsWith('SQLAlchemy'));
    if (!isEngineOptions) continue;
    const options = asOptionsDict(value);
    if (options) out.push({ key, options });
  }
  return out;
}

export default defineRule({
  id: 'python.sqlalchemy.pre-ping-missing',
  title: 'SQLAlchemy engine hands out connections without checking them',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: "Reports `create_engine(...)`, `create_async_engine(...)` and `engine_from_config(...)` calls, Flask-SQLAlchemy engine options, and PasteDeploy / Pyramid `[app:…]` INI sections with `sqlalchemy.url`, whose pool reuses connections but never pings them: `pool_pre_ping` is missing, false, or (in a config mapping) an empty string. NullPool and StaticPool engines, and Alembic's `[alembic]` sections (its env.py uses NullPool), are left alone.",
    why: 'Without a ping, a connection that the server closed (restart, failover, `pg_terminate_backend`, an idle timeout) or that a load balancer reset is handed to your code as if it were alive, and the first query fails with "server closed the connection unexpectedly" or asyncpg\'s "connection is closed". With `pool_pre_ping=True` the pool notices, reconnects, and invalidates the older connections of the same pool, so one checkout repairs it.',
    example: {
      before: 'engine = create_engine(DATABASE_URL, pool_size=10)',
      after: 'engine = create_engine(DATABASE_URL, pool_size=10, pool_pre_ping=True)',
    },
    fixSafety:
      'safe: the only change is one extra round trip per checkout. A ping cannot tell a silently dropped connection (no reset ever arrives) from a slow one: pair it with TCP keepalives or a statement timeout, which other rules check. If `**options` come from somewhere this file does not show, no fix is offered, because a second `pool_pre_ping` would make the call fail with "got multiple values for keyword argument".',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#disconnect-handling-pessimistic',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/pool/base.py',
      'https://flask-sqlalchemy.readthedocs.io/en/stable/config/',
      'https://docs.sqlalchemy.org/en/20/core/engines.html#sqlalchemy.engine_from_config',
    ],
  },
  check({ doc, text, report }) {
    for (const section of iniEngineSections(doc)) {
      const setting = section.get('pool_pre_ping');
      // engine_from_config does not convert pool_pre_ping: any non-empty string (even "false") is on.
      if (setting && setting.value !== '') continue;
      report({
        range: setting
          ? { start: setting.nameNode.startIndex, end: setting.nameNode.endIndex }
          : {
              start: section.nameNode.startIndex,
              end: section.nameNode.startIndex + section.name.length + 2,
            },
        message: setting
          ? 'sqlalchemy.pool_pre_ping is empty, which engine_from_config passes on as an empty string: false, so dead pooled connections reach the application.'
          : `[${section.name}] configures a SQLAlchemy engine without sqlalchemy.pool_pre_ping: a connection closed by a restart, a failover or an idle timeout is handed to the application, whose next query fails.`,
        fix: {
          safety: 'safe',
          description: 'Set sqlalchemy.pool_pre_ping = true.',
          edits: [
            setting
              ? setIniValueEdit(setting, 'true')
              : addIniSettingEdit(text, section, 'pool_pre_ping', 'true'),
          ],
        },
      });
    }
    if (doc.grammar !== 'python') return;

    for (const engine of engineFromConfigCalls(doc)) {
      if (engine.poolclass && !PINGABLE_POOLS.has(engine.poolclass)) continue;
      const fn = 'engine_from_config()';
      const kw = engine.keywords.find((k) => k.name === 'pool_pre_ping');
      const entry = kw ? undefined : engine.entry('pool_pre_ping');
      const value = kw?.value ?? entry?.value;
      if (value) {
        if (literalTruthiness(value) !== false) continue;
        report({
          range: { start: value.startIndex, end: value.endIndex },
          message: `${fn} turns pool_pre_ping off (${value.text}${value.type === 'string' ? ': an empty string is false' : ''}): dead pooled connections reach the application.`,
          fix: {
            safety: 'safe',
            description: 'Set pool_pre_ping to True.',
            edits: [{ start: value.startIndex, end: value.endIndex, text: 'True' }],
          },
        });
        continue;
      }
      if (engine.hiddenOptions) continue;
      const visible = engine.config !== null;
      report({
        range: { start: engine.site.callee.startIndex, end: engine.site.callee.endIndex },
        severity: visible ? 'warning' : 'info',
        message: visible
          ? `${fn} does not set pool_pre_ping: a connection closed by a restart, a failover or an idle timeout is handed to the application, whose next query fails.`
          : `${fn} does not set pool_pre_ping here, and the configuration (${engine.configNode?.text ?? 'its mapping'}) is not in this file: unless it sets ${engine.prefix}pool_pre_ping = true, dead pooled connections reach the application. A keyword argument wins over the configuration, so adding it is right either way.`,
        fix: {
          safety: 'safe',
          description: ADD_FIX,
          edits: [appendElementEdit(text, engine.site.args, 'pool_pre_ping=True')],
        },
      });
    }

    for (const site of findCalls(doc, ['create_engine', 'create_async_engine'])) {
      const keywords = keywordArguments(site.args);
      const poolclass = keywords.find((k) => k.name === 'poolclass');
      if (poolclass) {
        const pool = lastName(poolclass.value);
        if (UNPINGED_POOLS.has(pool) || !PINGABLE_POOLS.has(pool)) continue;
      }
      const splatNodes = dictionarySplats(site.args);
      const splats = splatNodes.map((splat) => resolveSplat(doc, splat));
      const setting = findSetting(keywords, splats, 'pool_pre_ping');
      const fn = `${site.name}()`;
      if (setting) {
        if (literalTruthiness(setting.value) !== false) continue;
        const fix: Fix = {
          safety: 'safe',
          description: 'Set pool_pre_ping=True.',
          edits: [{ start: setting.value.startIndex, end: setting.value.endIndex, text: 'True' }],
        };
        report({
          range: { start: setting.value.startIndex, end: setting.value.endIndex },
          message: `${fn} turns pool_pre_ping off (${setting.value.text}): dead pooled connections reach the application and fail its first query.`,
          fix,
        });
        continue;
      }
      const range = { start: site.callee.startIndex, end: site.callee.endIndex };
      if (splats.some((s) => s === null)) {
        const hidden = splatNodes
          .filter((_, i) => splats[i] === null)
          .map((n) => n.text)
          .join(', ');
        report({
          range,
          severity: 'info',
          message: `${fn} does not set pool_pre_ping here; make sure ${hidden} sets pool_pre_ping=True (staleproof cannot see inside it, so it offers no edit).`,
          fix: null,
        });
        continue;
      }
      const source = splats.find((s): s is SplatSource => s !== null);
      let edit: Fix['edits'][number];
      if (!source) {
        edit = appendElementEdit(text, site.args, 'pool_pre_ping=True');
      } else if (source.kind === 'dict-call') {
        edit = appendElementEdit(text, source.args, 'pool_pre_ping=True');
      } else {
        const q = quoteStyle(source.dict);
        edit = appendElementEdit(text, source.dict, `${q}pool_pre_ping${q}: True`);
      }
      report({
        range,
        message: `${fn} does not set pool_pre_ping: a connection closed by a restart, a failover or an idle timeout is handed to the application, whose next query fails with "server closed the connection unexpectedly".`,
        fix: { safety: 'safe', description: ADD_FIX, edits: [edit] },
      });
    }

    for (const { key, options } of flaskEngineOptions(doc)) {
      const setting = findSetting([], [options], 'pool_pre_ping');
      const poolclass = findSetting([], [options], 'poolclass');
      if (poolclass && !PINGABLE_POOLS.has(lastName(poolclass.value))) continue;
      if (setting) {
        if (literalTruthiness(setting.value) !== false) continue;
        report({
          range: { start: setting.value.startIndex, end: setting.value.endIndex },
          message: `Flask-SQLAlchemy engine options turn pool_pre_ping off (${setting.value.text}): dead pooled connections reach the application.`,
          fix: {
            safety: 'safe',
            description: 'Set pool_pre_ping to True.',
            edits: [{ start: setting.value.startIndex, end: setting.value.endIndex, text: 'True' }],
          },
        });
        continue;
      }
      let element = 'pool_pre_ping=True';
      let container = options.kind === 'dict-call' ? options.args : options.dict;
      if (options.kind === 'dict-literal') {
        const q = quoteStyle(options.dict);
        element = `${q}pool_pre_ping${q}: True`;
        container = options.dict;
      }
      report({
        range: { start: key.startIndex, end: key.endIndex },
        message:
          'Flask-SQLAlchemy engine options do not set pool_pre_ping: a connection closed by a restart, a failover or an idle timeout is handed to the application, whose next query fails.',
        fix: { safety: 'safe', description: ADD_FIX, edits: [appendElementEdit(text, container, element)] },
      });
    }
  },
});
