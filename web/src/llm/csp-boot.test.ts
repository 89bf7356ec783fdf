import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LLM_REMEMBER_KEY, LLM_SESSION_KEY } from './settings';

const SOURCE = readFileSync(new URL('../../../public/csp-boot.js', import.meta.url), 'utf8');
const INDEX = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');

function storage(entries: Record<string, string>) {
  return { getItem: (key: string) => entries[key] ?? null };
}

/** Runs public/csp-boot.js against fake storages and returns the policy it adds. */
function boot(session: Record<string, string>, local: Record<string, string> = {}) {
  const added: Array<{ httpEquiv: string; content: string; attributes: Record<string, string> }> = [];
  const document = {
    createElement: () => {
      const meta = { httpEquiv: '', content: '', attributes: {} as Record<string, string> };
      return Object.assign(meta, {
        setAttribute: (name: string, value: string) => {
          meta.attributes[name] = value;
        },
      });
    },
    head: { appendChild: (meta: (typeof added)[number]) => added.push(meta) },
  };
  const window = { sessionStorage: storage(session), localStorage: storage(local) };
  new Function('window', 'document', SOURCE)(window, document);
  expect(added).toHaveLength(1);
  return added[0];
}

const settings = (baseURL: string) =>
  JSON.stringify({ provider: 'custom', baseURL, model: 'm', askBeforeSending: true });

describe('public/csp-boot.js', () => {
  it('runs first in <head>, as a classic script', () => {
    const head = INDEX.slice(0, INDEX.indexOf('</head>'));
    const scripts = [...head.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toBe('<script src="/csp-boot.js">');
    expect(head.indexOf('csp-boot.js')).toBeLessThan(head.indexOf('<script type="module"') >>> 0);
  });

  it('allows only the page itself when no endpoint is set', () => {
    expect(boot({})?.content).toBe("connect-src 'self'");
    expect(boot({})?.attributes['data-llm-origin']).toBe('');
  });

  it('adds the configured endpoint’s origin, from this tab or else the remembered settings', () => {
    expect(boot({ [LLM_SESSION_KEY]: settings('https://api.openai.com/v1') })?.content).toBe(
      "connect-src 'self' https://api.openai.com",
    );
    const remembered = boot({}, { [LLM_REMEMBER_KEY]: settings('http://localhost:11434/v1') });
    expect(remembered?.content).toBe("connect-src 'self' http://localhost:11434");
    expect(remembered?.attributes['data-llm-origin']).toBe('http://localhost:11434');
    const both = boot(
      { [LLM_SESSION_KEY]: settings('https://openrouter.ai/api/v1') },
      { [LLM_REMEMBER_KEY]: settings('http://localhost:11434/v1') },
    );
    expect(both?.content).toBe("connect-src 'self' https://openrouter.ai");
  });

  it('refuses anything the static policy would not allow, and anything unreadable', () => {
    for (const base of [
      'http://10.0.0.5:11434/v1',
      'javascript:alert(1)',
      'https://a.example; script-src *',
      'not a url',
    ]) {
      expect(boot({ [LLM_SESSION_KEY]: settings(base) })?.content).not.toMatch(
        /script-src|10\.0\.0\.5|javascript/,
      );
    }
    expect(boot({ [LLM_SESSION_KEY]: '{not json' })?.content).toBe("connect-src 'self'");
  });
});
