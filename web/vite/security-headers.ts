/**
 * The HTTP headers a host should send with the page, derived from the one place the policy is written:
 * the Content-Security-Policy meta tag of web/index.html. docs/hosting.md shows the same values (a unit
 * test compares them), the build writes them to `dist/_headers`, and `npm run preview` sends them, so
 * the browser tests run under the headers a host would send.
 */

/**
 * Directives a meta tag cannot carry (browsers ignore them there), added to the header:
 * `frame-ancestors` keeps the page out of other sites' frames.
 */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The `content` of the page's CSP meta tag. */
export function cspFromHtml(html: string): string {
  const tag = html.match(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i)?.[0];
  const content = tag?.match(/\scontent="([^"]*)"/)?.[1];
  if (!content) throw new Error('web/index.html has no Content-Security-Policy meta tag');
  return content.trim();
}

/** Every header the page should be served with, in the order the docs list them. */
export function securityHeaders(metaCsp: string): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', [metaCsp.replace(/;\s*$/, ''), ...HEADER_ONLY_DIRECTIVES].join('; ')],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ];
}

/**
 * How long a host may cache each kind of file: the names under `/assets/` carry a hash of their content,
 * the page and the service worker do not (a new deploy must be seen at once).
 */
export const CACHE_RULES: [path: string, cacheControl: string][] = [
  ['/assets/*', 'public, max-age=31536000, immutable'],
  ['/', 'no-cache'],
  ['/index.html', 'no-cache'],
  ['/sw.js', 'no-cache'],
];

/** The `_headers` file Netlify and Cloudflare Pages read from the published folder. */
export function headersFile(metaCsp: string): string {
  const lines = [
    '# Written by the build (web/vite/security-headers.ts) from web/index.html. Do not edit.',
    '/*',
  ];
  for (const [name, value] of securityHeaders(metaCsp)) lines.push(`  ${name}: ${value}`);
  for (const [path, cacheControl] of CACHE_RULES) lines.push(path, `  Cache-Control: ${cacheControl}`);
  return `${lines.join('\n')}\n`;
}
