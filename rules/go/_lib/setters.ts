import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { hasVerb, param, readableDsn } from './dsn';
import {
  afterStatement,
  type GoSite,
  goSites,
  insertLines,
  isZeroDuration,
  methodCalls,
  parseGoDuration,
} from './go';

/** A `*sql.DB` opened in this file, with where setter calls go. */
export interface SqlDb {
  site: GoSite;
  variable: string | null;
  statement: Node | null;
}

export function sqlDbs(doc: ParsedDocument): SqlDb[] {
  return goSites(doc)
    .filter((s) => s.databaseSql)
    .map((site) => ({ site, variable: site.variable, statement: site.statement }));
}

/** The setter calls on this db variable (`db.SetConnMaxLifetime(…)`). */
export function setterCalls(doc: ParsedDocument, db: SqlDb, method: string): { call: Node; args: Node[] }[] {
  return methodCalls(doc, method).filter((c) => c.recv === db.variable);
}

/**
 * True when the pgx rules will turn a `pool_*` key of this db's DSN into the setter (see
 * go.pgx.pool-keys-outside-pgxpool): then the setter is as good as present.
 */
export function translatedFromDsn(db: SqlDb, key: string): boolean {
  const dsn = readableDsn(db.site);
  const p = dsn ? param(dsn, key) : undefined;
  if (!p || hasVerb(p.value)) return false;
  const seconds = parseGoDuration(p.value);
  return seconds !== null && seconds > 0;
}

/** A setter whose only argument is a zero duration. */
export function zeroSetter(calls: { call: Node; args: Node[] }[]): Node | null {
  const zero = calls.find((c) => c.args.length === 1 && isZeroDuration(c.args[0] as Node));
  return zero ? (zero.args[0] as Node) : null;
}

/** Inserts setter lines after the err check of the open call, or after a sibling setter statement. */
export function insertSetter(
  doc: ParsedDocument,
  db: SqlDb,
  line: string,
  after?: Node | null,
): TextEdit | null {
  if (!db.variable || !db.statement) return null;
  let statement = after ?? db.statement;
  while (
    statement.parent &&
    statement.parent.type !== 'statement_list' &&
    statement.parent.type !== 'block'
  ) {
    statement = statement.parent;
  }
  const { at, indent } = afterStatement(doc, statement);
  return insertLines(doc, at, indent, [`${db.variable}.${line}`]);
}
