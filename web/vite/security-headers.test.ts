import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cspFromHtml, headersFile, securityHeaders } from './security-headers';

const html = await readFile(new URL('../index.html', import.meta.url), 'utf8');
const hosting = await readFile(new URL('../../docs/hosting.md', import.meta.url), 'utf8');
const csp = cspFromHtml(html);
const headers = securityHeaders(csp);

describe('security headers', () => {
  it('come from the page meta policy, which stays strict', () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Wide on purpose: public/csp-boot.js narrows it to 'self' plus the one endpoint the person allowed.
    expect(csp).toContain("connect-src 'self' https: http://localhost:* http://127.0.0.1:*;");
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(headers[0]).toEqual(['Content-Security-Policy', `${csp}; frame-ancestors 'none'`]);
  });

  it('docs/hosting.md shows the _headers file the build writes', () => {
    const body = headersFile(csp).split('\n').slice(1).join('\n');
    expect(hosting).toContain(`\`\`\`\n${body}\`\`\``);
  });

  it('docs/hosting.md gives nginx and Caddy the same values', () => {
    for (const [name, value] of headers) {
      expect(hosting).toContain(`add_header ${name} "${value}" always;`);
      expect(hosting).toContain(`\t\t${name} "${value}"`);
    }
  });

  it('reads the policy from a meta tag and refuses a page without one', () => {
    expect(
      cspFromHtml('<meta http-equiv="Content-Security-Policy" content=" default-src \'self\' " />'),
    ).toBe("default-src 'self'");
    expect(() => cspFromHtml('<meta charset="utf-8" />')).toThrow(/no Content-Security-Policy/);
  });
});
