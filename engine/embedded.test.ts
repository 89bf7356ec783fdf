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

  it('indents text written at the start of a blank line or after the block’s last line break', async () => {
    const yaml = 'data:\n  postgresql.conf: |\n    a = 1\n\n    b = 2\n';
    const doc = await host.parse('yaml', yaml);
    try {
      const [inner] = embeddedDocuments(doc);
      expect(inner?.text).toBe('a = 1\n\nb = 2\n');
      const apply = (start: number, text: string) => {
        const edit = inner?.editToOuter({ start, end: start, text });
        return edit ? yaml.slice(0, edit.start) + edit.text + yaml.slice(edit.end) : '';
      };
      // After the last line break: a new last line of the block, indented like the others.
      expect(apply(13, 'c = 3\n')).toBe('data:\n  postgresql.conf: |\n    a = 1\n\n    b = 2\n    c = 3\n');
      // At the start of the blank line: the new line is indented and the blank line stays blank.
      expect(apply(6, 'c = 3\n')).toBe('data:\n  postgresql.conf: |\n    a = 1\n    c = 3\n\n    b = 2\n');
      // At the start of an indented line, as before.
      expect(apply(7, 'c = 3\n')).toBe('data:\n  postgresql.conf: |\n    a = 1\n\n    c = 3\n    b = 2\n');
    } finally {
      doc.dispose();
    }
  });
});
