/*
 * staleproof: narrows connect-src to the LLM endpoint the person configured (issue #9).
 *
 * The static policy (index.html meta, dist/_headers) allows `connect-src 'self' https:
 * http://localhost:* http://127.0.0.1:*` (Chromium refuses an IPv6 source). This classic script runs before any other
 * script and adds a second policy, `connect-src 'self' ORIGIN`: every policy applies, so the page can
 * reach exactly its own origin and that one endpoint (or only its own origin when none is set). A
 * policy cannot be widened later, so changing the endpoint reloads the page.
 *
 * It reads the base URL from the settings web/src/llm/settings.ts writes: this tab's sessionStorage,
 * else the ones remembered on this device. Never the key. Keep in step with that file.
 */
(() => {
  let origin = '';
  const read = (storage, key) => {
    try {
      const data = JSON.parse(storage.getItem(key) || 'null');
      return data && typeof data.baseURL === 'string' ? data.baseURL : '';
    } catch (_) {
      return '';
    }
  };
  // No [::1]: a CSP source cannot name an IPv6 address.
  const loopback = { localhost: 1, '127.0.0.1': 1 };
  try {
    const base =
      read(window.sessionStorage, 'staleproof.llm') || read(window.localStorage, 'staleproof.llm.remembered');
    if (base) {
      const url = new URL(base);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback[url.hostname] === 1)) {
        origin = url.origin;
      }
    }
  } catch (_) {
    origin = '';
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = origin ? `connect-src 'self' ${origin}` : "connect-src 'self'";
  meta.setAttribute('data-llm-origin', origin);
  document.head.appendChild(meta);
})();
