import { describe, expect, it } from 'vitest';
import { engine, host } from '../tests/support/engine';
import { embeddedDocuments } from './embedded';

async function embedded(text: string) {
  const doc = await host.parse('yaml', text);
  try {
    return embeddedDocuments(doc).map((e) => ({ key: e.key, format: e.format, text: e.text }));
  } finally {
    doc.dispose();
  }
}

describe('configs embedded in YAML', () => {
  it('dedents literal block scalars named like files, keeping blank lines', async () => {
    const yaml = 'data:\n  pgbouncer.ini: |\n    [pgbouncer]\n\n    pool_mode = session\n  other: x\n';
    expect(await embedded(yaml)).toEqual([
      { key: 'pgbouncer.ini', format: 'pgbouncer-ini', text: '[pgbouncer]\n\npool_mode = session' },
    ]);
  });

  it('honours an explicit indentation indicator and quoted keys', async () => {
    const yaml = 'data:\n  "app.py": |2\n      x = 1\n    y = 2\n';
    expect(await embedded(yaml)).toEqual([{ key: 'app.py', format: 'python', text: '  x = 1\ny = 2\n' }]);
  });

  it('ignores folded scalars and text that is not clearly a config', async () => {
    const yaml = 'a.py: >\n  engine = create_engine(URL)\nscript: |\n  echo hello\n';
    expect(await embedded(yaml)).toEqual([]);
  });

  it('maps findings and fixes back into a CRLF manifest, indenting inserted lines', async () => {
    const yaml = [
      'kind: ConfigMap',
      'data:',
      '  db.py: |',
      '    engine = create_engine(',
      '        URL,',
      '    )',
      '',
    ].join('\r\n');
    const result = await engine.analyse(yaml, {
      filename: 'configmap.yaml',
      rules: ['python.sqlalchemy.pre-ping-missing'],
    });
    expect(result.embedded).toEqual(['db.py']);
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: 'python.sqlalchemy.pre-ping-missing', line: 4, column: 14 }),
    ]);
    expect(result.findings[0]?.message).toMatch(/^db\.py: /);
    expect(result.patched).toBe(
      yaml.replace('        URL,\r\n', '        URL,\r\n        pool_pre_ping=True,\r\n'),
    );
  });
});
