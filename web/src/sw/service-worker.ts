/**
 * The service worker: keeps a copy of this build so the page works with the network off.
 *
 * Built by web/vite/offline.ts into `dist/sw.js` (one file, no imports), which replaces
 * `__STALEPROOF_BUILD__` with the build's own list of files and a version derived from their bytes.
 *
 * - install: every file of the build goes into a cache named after that version, except the larger
 *   grammars of programming languages, which are cached the first time a page asks for them. Files with
 *   a content hash in their name (`assets/`) are taken from an older cache when it has them.
 * - activate: grammars cached on first use by the old version move over if the new build still has
 *   them; older caches are deleted (again on each page load, in case a late request of the old version
 *   re-created one). No `clients.claim()`: a page is controlled from its next load on,
 *   so a running page never mixes two builds.
 * - fetch: the page itself and the build's files come from the cache (then the network); nothing else is
 *   touched, and nothing the user types is ever stored (no request carries it).
 * - `keep-grammar` message: a page names a grammar it used, which is cached if it was not yet.
 * - a new build waits until the page asks it to take over (`skip-waiting`), which the page does on its
 *   next load or when the user clicks "Reload".
 */

interface BuildManifest {
  /** Derived from the bytes of every file: a new deploy is a new version, an identical one is not. */
  version: string;
  /** Paths relative to the service worker's scope; `./` is the page itself. */
  precache: string[];
  /** Build files cached the first time they are requested. */
  lazy: string[];
}

declare const __STALEPROOF_BUILD__: BuildManifest;

// The DOM library is what the project type-checks against; these are the few service worker types used.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(
    type: 'message',
    listener: (event: ExtendableEvent & { readonly data: unknown }) => void,
  ): void;
}

const build = __STALEPROOF_BUILD__;
const sw = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = 'staleproof-';
const CACHE = `${CACHE_PREFIX}${build.version}`;
const precached = new Set(build.precache);
const lazy = new Set(build.lazy);

const absolute = (path: string): string => new URL(path, sw.registration.scope).href;

/** Vite puts a hash of the content in every name under `assets/`: same name, same bytes. */
const contentAddressed = (path: string): boolean => path.startsWith('assets/');

/** The path of a same-origin URL relative to the scope, or null outside it. */
function scopedPath(url: string): string | null {
  const scope = sw.registration.scope;
  if (!url.startsWith(scope)) return null;
  return new URL(url).pathname.slice(new URL(scope).pathname.length);
}

/** An older cache's copy of a content-addressed file, so an update downloads only what changed. */
async function fromOlderCache(path: string): Promise<Response | undefined> {
  if (!contentAddressed(path)) return undefined;
  for (const name of await caches.keys()) {
    if (name === CACHE || !name.startsWith(CACHE_PREFIX)) continue;
    const hit = await (await caches.open(name)).match(absolute(path));
    if (hit) return hit;
  }
  return undefined;
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    build.precache.map(async (path) => {
      const url = absolute(path);
      if (await cache.match(url)) return;
      // The page itself has no hash in its name: past the HTTP cache, so a stale copy never sticks.
      const response =
        (await fromOlderCache(path)) ??
        (await fetch(url, { cache: contentAddressed(path) ? 'default' : 'no-cache' }));
      if (!response.ok) throw new Error(`could not cache ${path}: HTTP ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

async function keepLazyFilesAndDropOldCaches(): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const path of lazy) {
    const url = absolute(path);
    if (await cache.match(url)) continue;
    const older = await fromOlderCache(path);
    if (older) await cache.put(url, older);
  }
  await dropOlderCaches();
}

async function dropOlderCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)),
  );
}

/**
 * This version's cache, unless a newer version has deleted it (a page of the old version may still be
 * loading). `caches.open` would create it again, and nothing would ever delete it then.
 */
async function ownCache(): Promise<Cache | undefined> {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : undefined;
}

async function fromCacheOrNetwork(path: string, request: Request): Promise<Response> {
  const url = absolute(path);
  const hit = await caches.match(url, { cacheName: CACHE });
  if (hit) return hit;
  const response = await fetch(request);
  const cache = response.ok ? await ownCache() : undefined;
  if (cache) await cache.put(url, response.clone());
  return response;
}

sw.addEventListener('install', (event) => event.waitUntil(precache()));

sw.addEventListener('activate', (event) => event.waitUntil(keepLazyFilesAndDropOldCaches()));

/**
 * Caches a grammar a page has just used. A page loaded before this worker was active is not controlled
 * by it, so its requests never pass through `fetch` below; it names the grammar instead.
 */
async function keepGrammar(grammar: string): Promise<void> {
  const path = build.lazy.find(
    (file) => file.startsWith(`assets/tree-sitter-${grammar}-`) && file.endsWith('.wasm'),
  );
  const cache = path ? await ownCache() : undefined;
  if (!path || !cache) return;
  const url = absolute(path);
  if (await cache.match(url)) return;
  const response = await fetch(url);
  if (response.ok) await cache.put(url, response);
}

sw.addEventListener('message', (event) => {
  const message: unknown = event.data;
  if (message === 'skip-waiting') void sw.skipWaiting();
  else if (isKeepGrammar(message)) event.waitUntil(keepGrammar(message.grammar));
});

function isKeepGrammar(message: unknown): message is { type: 'keep-grammar'; grammar: string } {
  if (typeof message !== 'object' || message === null) return false;
  const { type, grammar } = message as { type?: unknown; grammar?: unknown };
  return type === 'keep-grammar' && typeof grammar === 'string' && /^[a-z]+$/.test(grammar);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const path = scopedPath(request.url);
  if (path === null) return;
  if (request.mode === 'navigate') {
    // The one page of the app, whatever its query; the fragment (a share link) never reaches here.
    if (path === '' || path === 'index.html') {
      event.respondWith(fromCacheOrNetwork('./', request));
      // A request the old version was still answering while this one activated can leave its cache behind.
      event.waitUntil(dropOlderCaches());
    }
    return;
  }
  if (precached.has(path) || lazy.has(path)) event.respondWith(fromCacheOrNetwork(path, request));
});
