import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { removeElementsEdits } from '../../_lib/remove-elements';
import {
  addConnectArgsEdit,
  connectArgsOf,
  effectiveFamily,
  sqlalchemyEngines,
  urlCreateOf,
} from '../../_lib/sqlalchemy';
import { dictEntries, keywordArguments, removeElementEdit, stringLiteralValue } from '../../_lib/syntax';
import { removeParamsEdits, shiftEdits } from '../../_lib/url-params';

const NUMBER = /^\d+(\.\d+)?$/;

export default defineRule({
  id: 'python.sqlalchemy.asyncpg-url-timeout-string',
  title: 'asyncpg connect timeout given as a URL string',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: 'Reports `timeout=N` in the query of a `postgresql+asyncpg` URL (the string, or `URL.create(..., query={"timeout": "N"})`) when `connect_args` does not set `timeout` itself.',
    why: "SQLAlchemy passes URL query values to asyncpg.connect() as strings and converts only `port` and `prepared_statement_cache_size`. asyncpg does arithmetic on its connect timeout, so every connection fails with \"TypeError: unsupported operand type(s) for -=: 'str' and 'float'\". (`command_timeout` is fine in the URL: asyncpg converts it with float().)",
    example: {
      before: 'engine = create_async_engine("postgresql+asyncpg://app@db/app?timeout=10")',
      after: 'engine = create_async_engine("postgresql+asyncpg://app@db/app", connect_args={"timeout": 10})',
    },
    fixSafety:
      'safe: it removes a crash and keeps the intended bound: the value moves to `connect_args={"timeout": N}` as a number of seconds, which SQLAlchemy hands to asyncpg unchanged.',
    sources: [
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/dialects/postgresql/asyncpg.py',
      'https://github.com/MagicStack/asyncpg/blob/master/asyncpg/connection.py',
    ],
  },
  check({ doc, text, report }) {
    for (const engine of sqlalchemyEngines(doc)) {
      if (effectiveFamily(doc, engine).family !== 'asyncpg') continue;
      const args = connectArgsOf(doc, engine);
      if (args.kind === 'dict' && args.entries.some((e) => e.name === 'timeout')) continue;
      const edits: TextEdit[] = [];
      let value: string | null = null;
      let anchor: Node | null = null;

      const parsed = engine.parsedUrl;
      const url = engine.url;
      const param = parsed?.params.filter((p) => p.key === 'timeout').at(-1);
      if (parsed && url && param) {
        value = param.value;
        anchor = url.node;
        edits.push(...shiftEdits(removeParamsEdits(parsed, [param]), url.contentStart));
      }
      const created = urlCreateOf(doc, engine);
      if (!param && created?.query && created.queryArgument) {
        const q = created.query;
        const entries =
          q.kind === 'dict-literal'
            ? dictEntries(q.dict).map((e) => ({ name: e.key, value: e.value, element: e.node }))
            : keywordArguments(q.args).map((k) => ({ name: k.name, value: k.value, element: k.node }));
        const entry = entries.filter((e) => e.name === 'timeout').at(-1);
        if (entry && entry.value.type === 'string') {
          value = stringLiteralValue(entry.value);
          anchor = entry.element;
          const container = q.kind === 'dict-literal' ? q.dict : q.args;
          edits.push(
            ...(entries.length === 1
              ? [
                  removeElementEdit(
                    text,
                    created.call.childForFieldName('arguments') as Node,
                    created.queryArgument,
                  ),
                ]
              : removeElementsEdits(text, container, [entry.element])),
          );
        }
      }
      if (value === null || !anchor) continue;
      const numeric = NUMBER.test(value);
      const add = numeric ? addConnectArgsEdit(text, engine, args, [['timeout', value]]) : null;
      report({
        range: { start: anchor.startIndex, end: anchor.endIndex },
        message: `${engine.site.name}() passes timeout="${value}" from the URL: SQLAlchemy hands asyncpg the string, and every connection fails with "TypeError: unsupported operand type(s) for -=: 'str' and 'float'". Give it as a number of seconds in connect_args={"timeout": ${numeric ? value : 'N'}}.`,
        fix:
          add !== null
            ? {
                safety: 'safe',
                description: `Move timeout to connect_args={"timeout": ${value}} (seconds, a number).`,
                edits: [...edits, add],
              }
            : null,
      });
    }
  },
});
