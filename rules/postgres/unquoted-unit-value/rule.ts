import { defineRule } from '../../define-rule';
import type { Token } from '../_lib/conf-lexer';
import { UNIT_WORDS } from '../_lib/gucs';
import { PG_SOURCES } from '../_lib/sources';
import { postgresTargets } from '../_lib/target';

/** `name [=] 5 min` or `name [=] 1.5s`: a number, then a unit the lexer reads as a second token. */
function unitSplit(tokens: readonly Token[]): { start: number; end: number } | null {
  const sig = tokens.filter((t) => t.type !== 'ws' && t.type !== 'comment');
  const [name, ...rest] = sig;
  if (!name || (name.type !== 'id' && name.type !== 'qualified-id')) return null;
  const afterEquals = rest[0]?.type === 'equals' ? rest.slice(1) : rest;
  const [num, unit, extra] = afterEquals;
  if (!num || !unit || extra) return null;
  const bareNumber = (num.type === 'integer' && /^[-+]?\d+$/.test(num.text)) || num.type === 'real';
  if (!bareNumber || unit.type !== 'id' || !UNIT_WORDS.has(unit.text)) return null;
  // A REAL directly followed by its unit (`1.5s`), or a number, blanks, then the unit (`5 min`).
  return { start: num.start, end: unit.end };
}

export default defineRule({
  id: 'postgres.unquoted-unit-value',
  title: 'postgresql.conf value with a spaced or fractional unit that is not quoted',
  severity: 'error',
  formats: ['postgresql-conf'],
  docs: {
    what: 'Reports postgresql.conf lines whose unquoted value is a number followed by a unit after a blank (`5 min`) or a fractional number with a unit (`1.5s`). The configuration lexer reads these as two tokens, which is a syntax error.',
    why: 'PostgreSQL refuses to start with a syntax error in postgresql.conf, and a reload ignores the whole file, so every other change in it is silently not applied either. Quoted, the same text is a valid value: the server accepts blanks between number and unit and rounds fractions inside quotes.',
    example: {
      before: 'idle_in_transaction_session_timeout = 5 min',
      after: "idle_in_transaction_session_timeout = '5 min'",
    },
    fixSafety:
      'safe: the value is quoted exactly as written, so the server reads the value the author meant instead of rejecting the file; nothing else on the line changes.',
    sources: [PG_SOURCES.gucFile, PG_SOURCES.setting],
  },
  check(context) {
    for (const target of postgresTargets(context)) {
      for (const line of target.conf?.lines ?? []) {
        if (line.kind !== 'error') continue;
        const split = unitSplit(line.tokens);
        if (!split) continue;
        const written = context.text.slice(split.start, split.end);
        context.report({
          range: { start: split.start, end: split.end },
          message: `\`${written}\` is two tokens to PostgreSQL's configuration lexer (a number, then a unit), so the file has a syntax error: the server will not start, and a reload ignores the whole file. Quoted, \`'${written}'\` is read as intended.`,
          fix: {
            safety: 'safe',
            description: `Quote the value: '${written}'.`,
            edits: [{ start: split.start, end: split.end, text: `'${written}'` }],
          },
        });
      }
    }
  },
});
