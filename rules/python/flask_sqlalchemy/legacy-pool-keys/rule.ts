import type { Node } from 'web-tree-sitter';
import { detectEol, isFirstOnLine, lineEndOffset, lineStartOffset } from '../../../../core/text';
import type { TextEdit } from '../../../../core/types';
import type { ParsedDocument } from '../../../../wasm-parsers/parser-host';
import { defineRule } from '../../../define-rule';
import { removeElementsEdits } from '../../_lib/remove-elements';
import {
  appendElementsEdit,
  dictEntries,
  elements,
  literalTruthiness,
  quoteStyle,
  stringLiteralValue,
} from '../../_lib/syntax';

/**
 * Flask-SQLAlchemy's individual pool keys: read by 2.x (deprecated in 2.4.0), removed in 3.0.0;
 * SQLALCHEMY_POOL_PRE_PING was never read by any version. `sizing`: keys only QueuePool accepts.
 */
const LEGACY: Record<string, { option: string; sizing: boolean }> = {
  SQLALCHEMY_POOL_RECYCLE: { option: 'pool_recycle', sizing: false },
  SQLALCHEMY_POOL_PRE_PING: { option: 'pool_pre_ping', sizing: false },
  SQLALCHEMY_POOL_SIZE: { option: 'pool_size', sizing: true },
  SQLALCHEMY_POOL_TIMEOUT: { option: 'pool_timeout', sizing: true },
  SQLALCHEMY_MAX_OVERFLOW: { option: 'max_overflow', sizing: true },
};
const ENGINE_OPTIONS = 'SQLALCHEMY_ENGINE_OPTIONS';
const URI = 'SQLALCHEMY_DATABASE_URI';
const WATCHED = new Set([...Object.keys(LEGACY), ENGINE_OPTIONS, URI]);

/** One config key written somewhere: a statement, a dict pair or a keyword argument. */
interface Write {
  key: string;
  keyNode: Node;
  value: Node;
  /** The expression statement (statement sites) or the pair / keyword argument (container sites). */
  element: Node;
}

/** Writes that belong together: one block's `app.config[...] = ` or `NAME = ` lines, or one dict / call. */
interface Site {
  kind: 'statements' | 'container';
  /** statements: `app.config` (subscript writes) or '' (plain names in a config module or class). */
  target: string;
  /** statements: the block; container: the dict or argument list. */
  holder: Node;
  style: 'dict' | 'keyword' | 'statement';
  writes: Write[];
}

/** Pools python.sqlalchemy.pre-ping-missing adds pool_pre_ping for. */
const PINGABLE = new Set(['QueuePool', 'AsyncAdaptedQueuePool', 'SingletonThreadPool']);

const CONFIG_CALLS = /(^|\.)(update|from_mapping)$|^dict$/;

function collectSites(doc: ParsedDocument): Site[] {
  const sites = new Map<string, Site>();
  const add = (id: string, make: () => Omit<Site, 'writes'>, write: Write) => {
    let site = sites.get(id);
    if (!site) {
      site = { ...make(), writes: [] };
      sites.set(id, site);
    }
    site.writes.push(write);
  };
  for (const assignment of doc.root.descendantsOfType('assignment')) {
    const statement = assignment?.parent;
    if (!assignment || statement?.type !== 'expression_statement' || !statement.parent) continue;
    const left = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    if (!left || !value) continue;
    let key: string | null = null;
    let keyNode: Node | null = null;
    let target = '';
    if (left.type === 'identifier') {
      key = left.text;
      keyNode = left;
    } else if (left.type === 'subscript') {
      const object = left.childForFieldName('value');
      keyNode = left.childForFieldName('subscript');
      key = keyNode ? stringLiteralValue(keyNode) : null;
      if (!object || !/(^|\.)config$/.test(object.text)) continue;
      target = object.text;
    }
    if (!key || !keyNode || !WATCHED.has(key)) continue;
    const block = statement.parent;
    add(
      `s${block.startIndex}:${block.endIndex}:${target}`,
      () => ({ kind: 'statements', target, holder: block, style: 'statement' }),
      { key, keyNode, value, element: statement },
    );
  }
  for (const dict of doc.root.descendantsOfType('dictionary')) {
    if (!dict) continue;
    for (const e of dictEntries(dict)) {
      if (!WATCHED.has(e.key)) continue;
      add(`c${dict.startIndex}`, () => ({ kind: 'container', target: '', holder: dict, style: 'dict' }), {
        key: e.key,
        keyNode: e.keyNode,
        value: e.value,
        element: e.node,
      });
    }
  }
  for (const kw of doc.root.descendantsOfType('keyword_argument')) {
    const args = kw?.parent;
    const name = kw?.childForFieldName('name');
    const value = kw?.childForFieldName('value');
    if (!kw || !args || !name || !value || !WATCHED.has(name.text)) continue;
    const callee = args.parent?.childForFieldName('function')?.text ?? '';
    if (!CONFIG_CALLS.test(callee)) continue;
    add(`c${args.startIndex}`, () => ({ kind: 'container', target: '', holder: args, style: 'keyword' }), {
      key: name.text,
      keyNode: name,
      value,
      element: kw,
    });
  }
  return [...sites.values()].sort((a, b) => a.holder.startIndex - b.holder.startIndex);
}

type Backend = 'postgres' | 'other' | 'unknown';

function uriBackend(writes: readonly Write[]): Backend | null {
  if (writes.length === 0) return null;
  const schemes = writes.map((w) => stringLiteralValue(w.value));
  if (schemes.some((s) => s === null)) return 'unknown';
  return schemes.every((s) => /^postgres(ql)?[+:]/.test(s as string)) ? 'postgres' : 'other';
}

/**
 * Class bodies: the name of a base class that may set engine options itself (one this file defines
 * with pool keys or engine options, at any depth, or one it imports); null when there is none.
 */
function shadowingBase(
  doc: ParsedDocument,
  cls: Node,
  sites: readonly Site[],
  seen = new Set<string>(),
): string | null {
  const bases = cls.childForFieldName('superclasses');
  for (const base of bases ? elements(bases) : []) {
    if (base.text === 'object' || seen.has(base.text)) continue;
    seen.add(base.text);
    const defined = doc.root
      .descendantsOfType('class_definition')
      .find((c) => c?.childForFieldName('name')?.text === base.text);
    if (!defined) return base.text;
    const body = defined.childForFieldName('body');
    if (body && sites.some((s) => s.kind === 'statements' && s.holder.startIndex === body.startIndex))
      return base.text;
    if (shadowingBase(doc, defined, sites, seen)) return base.text;
  }
  return null;
}

/** A value that can move to another line unchanged: literals and environment lookups. */
function movable(value: Node): boolean {
  const names = value.descendantsOfType('identifier').map((n) => n?.text);
  const ok = new Set(['os', 'environ', 'getenv', 'get', 'int', 'float', 'bool', 'str', 'env']);
  return names.every((n) => n !== undefined && ok.has(n));
}

/** Removes a whole statement with its line(s); null when it shares a line with other code. */
function removeStatementEdit(text: string, statement: Node): TextEdit | null {
  if (!isFirstOnLine(text, statement.startIndex)) return null;
  const end = lineEndOffset(text, statement.endIndex);
  if (!/^\s*(#.*)?$/.test(text.slice(statement.endIndex, end))) return null;
  const start = lineStartOffset(text, statement.startIndex);
  const eol = detectEol(text);
  const next = text.startsWith(eol, end) ? end + eol.length : end;
  return { start, end: next, text: '' };
}

function fileQuote(text: string): '"' | "'" {
  const single = (text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/"[^"\n]*"/g) ?? []).length;
  return single > double ? "'" : '"';
}

export default defineRule({
  id: 'python.flask_sqlalchemy.legacy-pool-keys',
  title: 'Flask-SQLAlchemy pool keys that version 3 ignores',
  severity: 'warning',
  formats: ['python'],
  docs: {
    what: 'Reports `SQLALCHEMY_POOL_RECYCLE`, `SQLALCHEMY_POOL_SIZE`, `SQLALCHEMY_POOL_TIMEOUT`, `SQLALCHEMY_MAX_OVERFLOW` and `SQLALCHEMY_POOL_PRE_PING` in Flask configuration: `app.config[...] = ...` lines, `app.config.update(...)` / `from_mapping(...)`, config classes and modules, and config dicts. Silent when the configuration names a database URI that is not PostgreSQL.',
    why: 'Flask-SQLAlchemy 2.4 deprecated the individual pool keys in favour of `SQLALCHEMY_ENGINE_OPTIONS`, and 3.0 removed them: they are now silently ignored, so an app that "sets" `SQLALCHEMY_POOL_RECYCLE = 280` runs without recycling and hands out connections a middlebox dropped long ago. `SQLALCHEMY_POOL_PRE_PING` was never read by any version (the pull requests adding it were closed). Only `SQLALCHEMY_ENGINE_OPTIONS` reaches `create_engine`.',
    example: {
      before: 'app.config["SQLALCHEMY_POOL_RECYCLE"] = 280\napp.config["SQLALCHEMY_POOL_PRE_PING"] = True',
      after: 'app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"pool_recycle": 280, "pool_pre_ping": True}',
    },
    fixSafety:
      'safe when it moves `pool_recycle` / `pool_pre_ping`, which every SQLAlchemy pool accepts, or sizing keys with a PostgreSQL URI in the file: the values you wrote start to apply (Flask-SQLAlchemy 2.4+ reads SQLALCHEMY_ENGINE_OPTIONS; 2.4–2.5 already applied the four removed keys, so there only pre-ping is new). review when `pool_size` / `max_overflow` / `pool_timeout` move and the URI is not in the file: with SQLite (common in tests) SQLAlchemy rejects them ("Invalid argument(s) \'pool_size\'"). The keys are merged into an existing SQLALCHEMY_ENGINE_OPTIONS of the same block or dict (a key it already has wins, as in 2.4+); `None` values (2.x: "unset") are dropped. No fix when engine options are also set elsewhere in the file, or a config class inherits from one that may set them: a new dict there would replace them.',
    sources: [
      'https://flask-sqlalchemy.readthedocs.io/en/stable/config/',
      'https://github.com/pallets-eco/flask-sqlalchemy/blob/main/CHANGES.rst',
      'https://github.com/pallets-eco/flask-sqlalchemy/blob/2.5.1/flask_sqlalchemy/__init__.py',
      'https://docs.sqlalchemy.org/en/20/core/pooling.html#setting-pool-recycle',
    ],
  },
  check({ doc, text, report }) {
    const sites = collectSites(doc);
    const allUris = sites.flatMap((s) => s.writes.filter((w) => w.key === URI));
    const fileBackend = uriBackend(allUris) ?? 'unknown';
    const engineOptionMentions = sites.flatMap((s) => s.writes.filter((w) => w.key === ENGINE_OPTIONS));
    const constructorOptions = doc.root
      .descendantsOfType('keyword_argument')
      .some((kw) => kw?.childForFieldName('name')?.text === 'engine_options');
    for (const site of sites) {
      const legacy = site.writes.filter((w) => LEGACY[w.key]);
      if (legacy.length === 0) continue;
      const backend = uriBackend(site.writes.filter((w) => w.key === URI)) ?? fileBackend;
      if (backend === 'other') continue;
      const partner = site.writes.filter((w) => w.key === ENGINE_OPTIONS).at(-1) ?? null;
      const first = legacy[0] as Write;
      const names = legacy.map((w) => `${w.key}=${w.value.text}`).join(', ');
      const q = first.keyNode.type === 'string' ? quoteStyle(site.holder) : fileQuote(text);
      const keyQuote =
        first.keyNode.type === 'string' ? (first.keyNode.text.replace(/^[rbuf]+/i, '')[0] as '"' | "'") : q;

      let blocked: string | null = null;
      const elsewhere = engineOptionMentions.filter((w) => w !== partner);
      if (elsewhere.length > 0 || constructorOptions)
        blocked =
          'engine options are also set elsewhere in this file (SQLALCHEMY_ENGINE_OPTIONS or engine_options=): merge these keys there yourself';
      const cls = site.kind === 'statements' ? site.holder.parent : null;
      const base = blocked || cls?.type !== 'class_definition' ? null : shadowingBase(doc, cls, sites);
      if (base)
        blocked = `this class inherits from ${base}, which may set SQLALCHEMY_ENGINE_OPTIONS itself; a new dict here would replace it`;
      const partnerDict = partner && partner.value.type === 'dictionary' ? partner.value : null;
      if (partner && !partnerDict)
        blocked = `${ENGINE_OPTIONS} here is not a dict literal: merge these keys into it yourself`;
      const partnerEntries = partnerDict ? dictEntries(partnerDict) : [];
      const partnerKeys = new Set(partnerEntries.map((e) => e.key));
      const poolclass = partnerEntries
        .find((e) => e.key === 'poolclass')
        ?.value.text.split('.')
        .pop()
        ?.trim();
      const partnerPoolclass = poolclass !== undefined && poolclass !== 'QueuePool';
      if (
        partner &&
        partner.element.startIndex < first.element.startIndex &&
        !legacy.every((w) => movable(w.value))
      )
        blocked ??= `${ENGINE_OPTIONS} comes before these keys and their values are not plain literals`;

      // python.sqlalchemy.pre-ping-missing adds pool_pre_ping to an engine options dict that lacks it.
      // (It reads assignments and keyword arguments, not pairs of a config dict.)
      const prePingByOtherRule =
        partnerDict !== null &&
        site.style !== 'dict' &&
        !partnerKeys.has('pool_pre_ping') &&
        (poolclass === undefined || PINGABLE.has(poolclass));
      const moved = legacy.filter((w) => {
        const option = LEGACY[w.key]?.option as string;
        if (w.value.type === 'none' || partnerKeys.has(option)) return false;
        if (option === 'pool_pre_ping' && prePingByOtherRule && literalTruthiness(w.value) === true)
          return false;
        return true;
      });
      const itemQuote = partnerDict ? quoteStyle(partnerDict) : keyQuote;
      const items = moved.map((w) => `${itemQuote}${LEGACY[w.key]?.option}${itemQuote}: ${w.value.text}`);

      let edits: TextEdit[] | null = null;
      if (!blocked) {
        edits = [];
        const last = legacy.at(-1) as Write;
        const replaceLast = !partnerDict && items.length > 0;
        const dict = `{${items.join(', ')}}`;
        if (site.kind === 'statements') {
          for (const w of legacy) {
            if (replaceLast && w === last) {
              const line = site.target
                ? `${site.target}[${keyQuote}${ENGINE_OPTIONS}${keyQuote}] = ${dict}`
                : `${ENGINE_OPTIONS} = ${dict}`;
              edits.push({ start: w.element.startIndex, end: w.element.endIndex, text: line });
              continue;
            }
            const removal = removeStatementEdit(text, w.element);
            if (!removal) {
              edits = null;
              blocked = 'a key shares its line with other code';
              break;
            }
            edits.push(removal);
          }
        } else {
          const removed = legacy.filter((w) => !(replaceLast && w === last)).map((w) => w.element);
          edits.push(...removeElementsEdits(text, site.holder, removed));
          if (replaceLast) {
            const element =
              site.style === 'keyword'
                ? `${ENGINE_OPTIONS}=${dict}`
                : `${keyQuote}${ENGINE_OPTIONS}${keyQuote}: ${dict}`;
            edits.push({ start: last.element.startIndex, end: last.element.endIndex, text: element });
          }
        }
        if (edits && partnerDict && items.length > 0)
          edits.push(appendElementsEdit(text, partnerDict, items));
      }

      const sizing = moved.some((w) => LEGACY[w.key]?.sizing);
      const review = sizing && (backend !== 'postgres' || partnerPoolclass);
      const removedKeys = legacy.filter((w) => w.key !== 'SQLALCHEMY_POOL_PRE_PING').map((w) => w.key);
      const prePing = legacy.some((w) => w.key === 'SQLALCHEMY_POOL_PRE_PING');
      const why = [
        removedKeys.length > 0
          ? `Flask-SQLAlchemy 3 ignores ${removedKeys.join(', ')} (deprecated in 2.4, removed in 3.0)`
          : '',
        prePing ? 'no Flask-SQLAlchemy version has ever read SQLALCHEMY_POOL_PRE_PING' : '',
      ]
        .filter(Boolean)
        .join(', and ');
      const effects = [
        legacy.some((w) => w.key === 'SQLALCHEMY_POOL_RECYCLE') ? 'recycling' : '',
        prePing ? 'pre-ping' : '',
        legacy.some((w) => LEGACY[w.key]?.sizing) ? 'the pool size and timeout you chose' : '',
      ].filter(Boolean);
      const effect =
        effects.length > 1 ? `${effects.slice(0, -1).join(', ')} or ${effects.at(-1)}` : effects[0];
      const otherRule =
        prePingByOtherRule && legacy.some((w) => w.key === 'SQLALCHEMY_POOL_PRE_PING' && !moved.includes(w))
          ? ' pool_pre_ping itself is added to the engine options by python.sqlalchemy.pre-ping-missing.'
          : '';
      const reviewNote = review
        ? ` Review: ${partnerPoolclass ? 'the engine options name a poolclass, which may not accept' : 'the database URI is not in this file; with SQLite (tests) SQLAlchemy rejects'} ${moved
            .filter((w) => LEGACY[w.key]?.sizing)
            .map((w) => LEGACY[w.key]?.option)
            .join(' / ')}.`
        : '';
      report({
        range: { start: first.keyNode.startIndex, end: first.keyNode.endIndex },
        message: `${names}: ${why}, so the engine runs without ${effect}, and connections dropped by a restart, a failover or an idle timeout reach requests. Only ${ENGINE_OPTIONS} (Flask-SQLAlchemy 2.4+) reaches create_engine: move ${legacy.length > 1 ? 'them' : 'it'} there.${otherRule}${blocked ? ` Not written: ${blocked}.` : reviewNote}`,
        fix: edits
          ? {
              safety: review ? 'review' : 'safe',
              description: `Move ${legacy.map((w) => w.key).join(', ')} into ${ENGINE_OPTIONS}.`,
              edits,
            }
          : null,
      });
    }
  },
});
