import type { Fix } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hasErrorListener, hasOnceListener, type PgSite } from './pg';
import { endsWithSemicolon, insertStatementAfterEdit, quoteOf } from './syntax';

/**
 * The `error` listener a pool or client lacks: whether one is attached (`on` / `addListener` /
 * `prependListener` for the same target anywhere in the file), and the statement that adds one right
 * after the creating statement, in the file's quotes and semicolon style.
 */
export interface ListenerGap {
  target: string;
  /** `once('error')` only: the second error still crashes. */
  onceOnly: boolean;
  /** Null when no edit is offered (no variable, or not a plain statement), with the reason. */
  fix: Fix | null;
  blocked: string | null;
}

export function listenerGap(
  doc: ParsedDocument,
  text: string,
  site: PgSite,
  what: string,
): ListenerGap | null {
  const target = site.target ? site.label : null;
  if (target && hasErrorListener(doc, target)) return null;
  const onceOnly = target ? hasOnceListener(doc, target) : false;
  if (!target || !site.target) {
    return {
      target: site.label,
      onceOnly,
      fix: null,
      blocked: 'it is not stored in a variable this file can name',
    };
  }
  if (site.target.type !== 'identifier') {
    return {
      target,
      onceOnly,
      fix: null,
      blocked: `${target} is a property; attach the listener where it is created or in the class that owns it`,
    };
  }
  const statement = site.statement;
  if (!statement) {
    return { target, onceOnly, fix: null, blocked: 'the pool is not created by a plain statement' };
  }
  const q = quoteOf(doc);
  const semi = endsWithSemicolon(statement) ? ';' : '';
  const code = `${target}.on(${q}error${q}, (err) => { console.error(${q}[pg] ${what} error${q}, err)${semi ? ';' : ''} })${semi}`;
  return {
    target,
    onceOnly,
    blocked: null,
    fix: {
      safety: 'review',
      description: `Add ${target}.on('error', …) after the statement that creates it.`,
      edits: [insertStatementAfterEdit(text, statement, code)],
    },
  };
}
