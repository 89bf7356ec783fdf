import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { applyEdits } from '../../../core/edits';
import { engine, host } from '../../../tests/support/engine';
import type { FormatId } from '../../../wasm-parsers/formats';
import { optionsView } from './options';
import { pgSites } from './pg';
import { postgresJsSites } from './postgresjs';
import { insertPropertiesEdits, numericValue, objectMembers, removeMembersEdits } from './syntax';

async function parse(text: string, format: FormatId = 'javascript') {
  return host.parse(format === 'javascript' ? 'javascript' : format === 'tsx' ? 'tsx' : 'typescript', text);
}

function firstOfType(root: Node, type: string): Node {
  const node = root.descendantsOfType(type)[0];
  if (!node) throw new Error(`no ${type}`);
  return node;
}

describe('numericValue', () => {
  it.each([
    ['30_000', 30000],
    ['30 * 1000', 30000],
    ['-0x10', -16],
    ['(2 ** 10)', 1024],
    ['5 * SECOND', 5000],
    ['1e3', 1000],
    ['10n', null],
    ['Number(x)', null],
  ])('%s → %s', async (expr, expected) => {
    const doc = await parse(`const SECOND = 1000;\nconst v = ${expr};\n`);
    const value = doc.root.descendantsOfType('variable_declarator')[1]?.childForFieldName('value');
    expect(value ? numericValue(doc, value) : 'none').toBe(expected);
  });
});

describe('pg sites', () => {
  it('follows imports, requires and aliases, and leaves other libraries alone', async () => {
    const text = `
import pg from 'pg';
import { Pool as P } from "pg";
const { Client: C } = require('pg');
const PgPool = require('pg-pool');
const { Pool: HttpPool } = require('undici');
new pg.Pool({});
new P({});
new C('postgres://db/app');
new PgPool({});
new HttpPool('http://x');
`;
    const doc = await parse(text);
    const sites = pgSites(doc, 'javascript');
    expect(sites.map((s) => `${s.kind}:${s.constructorName}`)).toEqual([
      'pool:Pool',
      'pool:Pool',
      'client:Client',
      'pool:Pool',
    ]);
  });

  it('takes a bare Pool in a snippet as node-postgres, but not a class the file defines', async () => {
    expect(pgSites(await parse('const p = new Pool({ max: 1 });'), 'javascript')).toHaveLength(1);
    expect(pgSites(await parse('class Pool {}\nconst p = new Pool({ max: 1 });'), 'javascript')).toHaveLength(
      0,
    );
  });
});

describe('optionsView', () => {
  async function view(text: string, format: FormatId = 'typescript') {
    const doc = await parse(text, format);
    const args = firstOfType(doc.root, 'new_expression').childForFieldName('arguments');
    const arg = args?.namedChildren[0];
    if (!arg) throw new Error('no argument');
    return optionsView(doc, format, arg);
  }

  it('knows when TypeScript checks the literal against a declared type', async () => {
    expect((await view("const c: PoolConfig = { host: 'h' };\nnew Pool(c);"))?.typedAs).toBe('PoolConfig');
    expect((await view("const c = { host: 'h' } satisfies pg.PoolConfig;\nnew Pool(c);"))?.typedAs).toBe(
      'pg.PoolConfig',
    );
    expect((await view("new Pool({ host: 'h' });"))?.typedAs).toBe('(contextual)');
    expect((await view("const c = { host: 'h' };\nnew Pool(c);"))?.typedAs).toBeNull();
    expect((await view("new Pool({ host: 'h' });", 'javascript'))?.typedAs).toBeNull();
  });

  it('merges spreads the file shows, lists those it cannot see, and sees later assignments', async () => {
    const v = await view(
      'const base = { keepAlive: true };\nconst c = { ...base, ...imported, max: 2 };\nc.connectionTimeoutMillis = 5000;\nnew Pool(c);',
      'javascript',
    );
    expect([...(v?.properties.keys() ?? [])].sort()).toEqual(['connectionTimeoutMillis', 'keepAlive', 'max']);
    expect(v?.properties.get('keepAlive')?.editable).toBe(false);
    expect(v?.properties.get('connectionTimeoutMillis')?.assigned).toBe(true);
    expect(v?.unknownSpreads.map((s) => s.text)).toEqual(['...imported']);
    expect(v?.hiddenKeys).toBe(false);
  });

  it('treats Object.assign into the options and computed keys as hidden keys', async () => {
    expect(
      (await view('const c = {};\nObject.assign(c, extra);\nnew Pool(c);', 'javascript'))?.hiddenKeys,
    ).toBe(true);
    expect((await view('new Pool({ [key]: 1 });', 'javascript'))?.hiddenKeys).toBe(true);
  });
});

describe('object literal edits', () => {
  async function edit(text: string, props: string[], beforeSpread = false) {
    const doc = await parse(text);
    const object = firstOfType(doc.root, 'object');
    const spread = beforeSpread ? objectMembers(object).find((m) => m.kind === 'spread')?.node : undefined;
    return applyEdits(text, insertPropertiesEdits(text, object, props, spread));
  }

  it('fills an empty object inline, or on its own lines when it spans lines', async () => {
    expect(await edit('f({});', ['a: 1', 'b: 2'])).toBe('f({ a: 1, b: 2 });');
    expect(await edit('f({\n});', ['a: 1'])).toBe('f({\n  a: 1,\n});');
  });

  it('puts keys before a spread, in the layout of the object', async () => {
    expect(await edit('f({ ...base, max: 5 });', ['a: 1'], true)).toBe('f({ a: 1, ...base, max: 5 });');
    expect(await edit('f({\n    ...base,\n    max: 5,\n});', ['a: 1'], true)).toBe(
      'f({\n    a: 1,\n    ...base,\n    max: 5,\n});',
    );
  });

  it('removes members with their comma, their line, or the comma a last member leaves', async () => {
    const cases: [string, string[], string][] = [
      ['f({ a: 1, b: 2, c: 3 });', ['b'], 'f({ a: 1, c: 3 });'],
      ['f({ a: 1, b: 2 });', ['b'], 'f({ a: 1 });'],
      ['f({ a: 1 });', ['a'], 'f({});'],
      ['f({\n  a: 1,\n  b: 2 // x\n});', ['b'], 'f({\n  a: 1\n});'],
      ['f({\n  a: 1,\n  b: 2,\n  c: 3,\n});', ['a', 'b'], 'f({\n  c: 3,\n});'],
    ];
    for (const [text, keys, expected] of cases) {
      const doc = await parse(text);
      const object = firstOfType(doc.root, 'object');
      const nodes = objectMembers(object)
        .filter((m) => m.kind === 'pair' && keys.includes(m.key))
        .map((m) => m.node);
      expect(applyEdits(text, removeMembersEdits(text, object, nodes))).toBe(expected);
    }
  });
});

describe('postgres.js sites', () => {
  it('reads postgres(url, options) and postgres(options)', async () => {
    const doc = await parse(
      "import postgres from 'postgres';\nconst a = postgres('postgres://db/app?max=2', { idle_timeout: 20 });\nconst opts = { max: 1 };\nconst b = postgres(opts);\n",
    );
    const sites = postgresJsSites(doc, 'javascript');
    expect(
      sites.map((s) => [
        s.label,
        s.url && s.url !== 'env' ? s.url.value : s.url,
        [...(s.options?.properties.keys() ?? [])],
      ]),
    ).toEqual([
      ['a', 'postgres://db/app?max=2', ['idle_timeout']],
      ['b', null, ['max']],
    ]);
  });
});

describe('version-gated fixes', () => {
  const js = 'const pool = new Pool({ host: "db.example.com" });\n';
  const typed =
    "import { Pool, type PoolConfig } from 'pg';\nconst c: PoolConfig = { host: 'db.example.com' };\nexport const pool = new Pool(c);\n";
  const untypedTs =
    "import { Pool } from 'pg';\nconst c = { host: 'db.example.com' };\nexport const pool = new Pool(c);\n";
  const rules = ['js.pg.max-lifetime-missing'];
  const lifetime = async (text: string, filename: string, pg?: string) =>
    (
      await engine.analyse(text, {
        filename,
        rules,
        unsafe: true,
        environment: pg ? { versions: { pg } } : {},
      })
    ).patched;

  it('adds maxLifetimeSeconds only for a stated pg 8.7.3+, and never to a literal typed for @types/pg', async () => {
    expect(await lifetime(js, 'db.js')).toBe(js);
    expect(await lifetime(js, 'db.js', '8.5.1')).toBe(js);
    expect(await lifetime(js, 'db.js', '8.23.1')).toContain('maxLifetimeSeconds: 1800');
    expect(await lifetime(typed, 'db.ts', '8.23.1')).toBe(typed);
    expect(await lifetime(untypedTs, 'db.ts', '8.23.1')).toContain('maxLifetimeSeconds: 1800');
  });

  it('says upgrade when the stated pg ignores the key', async () => {
    const result = await engine.analyse(js, {
      filename: 'db.js',
      rules,
      environment: { versions: { pg: '8.5.1' } },
    });
    expect(result.findings[0]?.message).toMatch(/upgrade to pg 8\.7\.3/);
  });

  it('leaves postgres.js v2 alone: it has neither max_lifetime nor keep_alive', async () => {
    const text = 'const sql = postgres(url, { max_lifetime: null });\n';
    const result = await engine.analyse(text, {
      filename: 'db.js',
      rules: ['js.postgresjs.protection-disabled'],
      environment: { versions: { postgresjs: '2.0.0' } },
    });
    expect(result.findings[0]?.fix).toBeNull();
    expect(result.patched).toBe(text);
  });
});
