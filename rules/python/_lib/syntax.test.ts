import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../core/edits';
import { host } from '../../../tests/support/engine';
import { findCalls, keywordArguments, plainString, removeElementEdit, resolveString } from './syntax';

async function withCall<T>(text: string, fn: (doc: Awaited<ReturnType<typeof host.parse>>) => T): Promise<T> {
  const doc = await host.parse('python', text);
  try {
    return fn(doc);
  } finally {
    doc.dispose();
  }
}

async function removeKeyword(text: string, name: string): Promise<string> {
  return withCall(text, (doc) => {
    const [site] = findCalls(doc, ['f']);
    if (!site) throw new Error('no call');
    const kw = keywordArguments(site.args).find((k) => k.name === name);
    if (!kw) throw new Error(`no ${name}`);
    return applyEdits(text, [removeElementEdit(text, site.args, kw.node)]);
  });
}

describe('removeElementEdit', () => {
  it.each([
    ['f(a, b=1, c=2)\n', 'b', 'f(a, c=2)\n'],
    ['f(a, b=1)\n', 'b', 'f(a)\n'],
    ['f(a, b=1,)\n', 'b', 'f(a,)\n'],
    ['f(b=1)\n', 'b', 'f()\n'],
    ['f(b=1, c=2)\n', 'b', 'f(c=2)\n'],
    ['f(\n    a,\n    b=1,  # why\n    c=2,\n)\n', 'b', 'f(\n    a,\n    c=2,\n)\n'],
    ['f(\n    a,\n    b=1\n)\n', 'b', 'f(\n    a,\n)\n'],
    ['f(\r\n\ta,\r\n\tb=1,\r\n)\r\n', 'b', 'f(\r\n\ta,\r\n)\r\n'],
    ['f(a,\n  b=1)\n', 'b', 'f(a)\n'],
  ])('removes %j → %j', async (text, name, expected) => {
    expect(await removeKeyword(text, name)).toBe(expected);
  });
});

describe('strings', () => {
  it('reads plain literals with their content offset, and refuses escapes and f-strings', async () => {
    const text = 'a = "postgresql://h/db"\nb = f"{a}"\nc = "x\\ty"\nd = r\'raw\'\n';
    await withCall(text, (doc) => {
      const values = doc.root.namedChildren.map((stmt) => {
        const right = stmt?.firstNamedChild?.childForFieldName('right');
        return right ? plainString(right) : null;
      });
      expect(values[0]?.value).toBe('postgresql://h/db');
      expect(text.slice(values[0]?.contentStart)).toMatch(/^postgresql:/);
      expect(values[1]).toBeNull();
      expect(values[2]).toBeNull();
      expect(values[3]?.value).toBe('raw');
    });
  });

  it('follows a module-level name to its literal, and not past the use', async () => {
    const text = 'URL = "postgresql://h/db"\ne = f(URL)\nURL = "other"\ng = f(os.environ["X"])\n';
    await withCall(text, (doc) => {
      const [first, second] = findCalls(doc, ['f']);
      const arg = (site: typeof first) => site?.args.namedChildren[0];
      const a = arg(first);
      const b = arg(second);
      expect(a && resolveString(doc, a, a.startIndex)?.value).toBe('postgresql://h/db');
      expect(b && resolveString(doc, b, b.startIndex)).toBeNull();
    });
  });
});
