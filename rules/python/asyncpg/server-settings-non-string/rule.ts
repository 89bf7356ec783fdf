import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import type { ParsedDocument } from '../../../../wasm-parsers/parser-host';
import { defineRule } from '../../../define-rule';
import { asyncpgCalls, callQuote } from '../../_lib/asyncpg';
import { connectArgsOf, effectiveFamily, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { dictEntries, keywordArguments, quoteStyle, resolveDict } from '../../_lib/syntax';

/** What a non-string literal becomes as a PostgreSQL setting value. */
function settingText(node: Node): string | null {
  switch (node.type) {
    case 'integer':
    case 'float':
      return node.text.replace(/_/g, '');
    case 'true':
      return 'on';
    case 'false':
      return 'off';
    case 'unary_operator':
      return /^[-+]\s*\d+(\.\d+)?$/.test(node.text) ? node.text.replace(/[\s+]/g, '') : null;
    default:
      return null;
  }
}

/** A name bound at module level to a number or boolean before `before`: its value is not a str. */
function boundToNonString(doc: ParsedDocument, node: Node, before: number): boolean {
  if (node.type !== 'identifier') return false;
  let last: Node | null = null;
  for (const statement of doc.root.namedChildren) {
    if (!statement || statement.startIndex >= before || statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== node.text)
      continue;
    last = assignment.childForFieldName('right');
  }
  return last !== null && settingText(last) !== null;
}

interface Offender {
  key: string;
  value: Node;
  edit: TextEdit | null;
}

function offenders(doc: ParsedDocument, settings: Node, quote: () => '"' | "'"): Offender[] | null {
  const source = resolveDict(doc, settings, settings.startIndex);
  if (!source) return null;
  const pairs =
    source.kind === 'dict-call'
      ? keywordArguments(source.args).map((k) => ({ key: k.name, value: k.value }))
      : dictEntries(source.dict).map((e) => ({ key: e.key, value: e.value }));
  const q =
    source.kind === 'dict-literal' && source.dict.namedChildCount > 0 ? quoteStyle(source.dict) : quote();
  const out: Offender[] = [];
  for (const { key, value } of pairs) {
    const literal = settingText(value);
    if (literal !== null) {
      out.push({
        key,
        value,
        edit: { start: value.startIndex, end: value.endIndex, text: `${q}${literal}${q}` },
      });
    } else if (value.type === 'none') {
      out.push({ key, value, edit: null });
    } else if (boundToNonString(doc, value, settings.startIndex)) {
      out.push({
        key,
        value,
        edit: { start: value.startIndex, end: value.endIndex, text: `str(${value.text})` },
      });
    }
  }
  return out;
}

export default defineRule({
  id: 'python.asyncpg.server-settings-non-string',
  title: 'asyncpg server_settings values that are not strings',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `server_settings` dicts whose values are numbers, booleans or None, in `asyncpg.connect()` / `asyncpg.create_pool()` calls and in the `connect_args` of `postgresql+asyncpg` SQLAlchemy engines.',
    why: 'asyncpg accepts only a dict of strings and checks it before connecting: `server_settings={"tcp_keepalives_idle": 60}` fails every connect with "ValueError: server_settings is expected to be None or a Dict[str, str]". It is the classic result of copying server-side keepalive settings into code as numbers, and it takes the whole pool down at startup.',
    example: {
      before:
        'pool = await asyncpg.create_pool(dsn, server_settings={"application_name": "api", "tcp_keepalives_idle": 60})',
      after:
        'pool = await asyncpg.create_pool(dsn, server_settings={"application_name": "api", "tcp_keepalives_idle": "60"})',
    },
    fixSafety:
      'safe: the value is written as the string PostgreSQL reads anyway (`60` → `"60"`, `True` → `"on"`, `False` → `"off"`; a name bound to a number is wrapped in `str()`), so the settings take effect instead of the connect failing. A `None` value is reported without an edit: only you know whether the setting should go or get a value.',
    sources: [
      'https://magicstack.github.io/asyncpg/current/api/index.html#connection',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/connect_utils.py',
    ],
  },
  check({ doc, text, report }) {
    const dictsDone = new Set<number>();
    const sites: Array<{ label: string; settings: Node; quote: () => '"' | "'" }> = [];
    for (const call of asyncpgCalls(doc)) {
      const option = call.option('server_settings');
      if (option)
        sites.push({ label: call.label, settings: option.value, quote: () => callQuote(text, call) });
    }
    for (const engine of sqlalchemyEngines(doc)) {
      if (effectiveFamily(doc, engine).family !== 'asyncpg') continue;
      const args = connectArgsOf(doc, engine);
      if (args.kind !== 'dict') continue;
      const entry = args.entries.filter((e) => e.name === 'server_settings').at(-1);
      if (entry)
        sites.push({
          label: `${engine.site.name}() connect_args`,
          settings: entry.value,
          quote: () => quoteStyle(args.container),
        });
    }
    for (const site of sites) {
      const found = offenders(doc, site.settings, site.quote);
      if (!found || found.length === 0) continue;
      // A dict shared by several calls is reported once, at its first use.
      const key = found[0]?.value.startIndex ?? site.settings.startIndex;
      if (dictsDone.has(key)) continue;
      dictsDone.add(key);
      const edits = found.map((o) => o.edit).filter((e): e is TextEdit => e !== null);
      const none = found.filter((o) => o.edit === null).map((o) => o.key);
      report({
        range: { start: site.settings.startIndex, end: site.settings.endIndex },
        message: `${site.label}: server_settings ${found.map((o) => `${o.key}=${o.value.text}`).join(', ')} ${found.length > 1 ? 'are' : 'is'} not a string, so every connect fails with "ValueError: server_settings is expected to be None or a Dict[str, str]". PostgreSQL settings are strings: quote the value${found.length > 1 ? 's' : ''}.${none.length ? ` ${none.join(', ')}=None has no string form: give it a value or remove it.` : ''}`,
        fix:
          edits.length > 0 && none.length === 0
            ? { safety: 'safe', description: 'Write the server_settings values as strings.', edits }
            : null,
      });
    }
  },
});
