import { describe, expect, it } from 'vitest';
import { nodeGrammarSource } from '../cli/node-grammars';
import { GRAMMAR_IDS, type GrammarId } from './grammars';
import { createParserHost } from './parser-host';

const SAMPLES: Record<GrammarId, string> = {
  python: 'engine = create_engine(url, pool_pre_ping=True)\n',
  javascript: 'const pool = new Pool({ max: 10 });\n',
  typescript: 'const pool: Pool = new Pool({ max: 10 });\n',
  tsx: 'const el = <Pool max={10} />;\n',
  java: 'class A { void f() { config.setMaxLifetime(1800000); } }\n',
  properties: 'spring.datasource.hikari.keepalive-time=30000\n',
  yaml: 'spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n',
  ini: '[pgbouncer]\nserver_lifetime = 3600\n',
  go: 'package main\n\nfunc main() { cfg.MaxConnIdleTime = 0 }\n',
  ruby: 'ActiveRecord::Base.establish_connection(pool: 5)\n',
  toml: '[database]\nurl = "postgres://db/app"\n',
  bash: 'export PGCONNECT_TIMEOUT=10\n',
  kotlin: 'val cfg = HikariConfig().apply { maxLifetime = 1_800_000 }\n',
};

describe('parser host', () => {
  it('loads every grammar from node_modules and parses its language without errors', async () => {
    const host = createParserHost(nodeGrammarSource);
    for (const id of GRAMMAR_IDS) {
      const doc = await host.parse(id, SAMPLES[id]);
      try {
        expect(doc.root.hasError, `${id} sample has syntax errors`).toBe(false);
        expect(doc.diagnostics).toEqual([]);
        expect(doc.root.endIndex).toBe(SAMPLES[id].length);
      } finally {
        doc.dispose();
      }
    }
    expect(host.loadedGrammars().sort()).toEqual([...GRAMMAR_IDS].sort());
  });

  it('loads a grammar only when a format first needs it, and only once', async () => {
    const requested: GrammarId[] = [];
    const host = createParserHost({
      loadGrammar: (id) => {
        requested.push(id);
        return nodeGrammarSource.loadGrammar(id);
      },
    });
    expect(requested).toEqual([]);
    await Promise.all([host.parse('python', 'a = 1\n'), host.parse('python', 'b = 2\n')]);
    (await host.parse('python', 'c = 3\n')).dispose();
    expect(requested).toEqual(['python']);
  });

  it('reports syntax errors with positions instead of throwing', async () => {
    const host = createParserHost(nodeGrammarSource);
    const text = 'engine = create_engine(\n    url,\n    pool_size=10\n\ndef broken(:\n    pass\n';
    const doc = await host.parse('python', text);
    try {
      expect(doc.diagnostics.length).toBeGreaterThan(0);
      const first = doc.diagnostics[0];
      expect(first?.line).toBeGreaterThanOrEqual(1);
      expect(first?.column).toBeGreaterThanOrEqual(1);
      expect(first?.range.end).toBeGreaterThanOrEqual(first?.range.start ?? 0);
      expect(first?.message).toMatch(/syntax error|missing/);
    } finally {
      doc.dispose();
    }
  });

  it('reports a grammar that cannot be loaded as a rejected promise, and can retry', async () => {
    let fail = true;
    const host = createParserHost({
      loadGrammar: (id) => (fail ? Promise.reject(new Error('offline')) : nodeGrammarSource.loadGrammar(id)),
    });
    await expect(host.parse('yaml', 'a: 1\n')).rejects.toThrow('offline');
    fail = false;
    const doc = await host.parse('yaml', 'a: 1\n');
    expect(doc.root.type).toBe('stream');
    doc.dispose();
  });
});
