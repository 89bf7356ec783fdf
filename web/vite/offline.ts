import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, type ResolvedConfig, transformWithOxc } from 'vite';
import { cspFromHtml, headersFile, securityHeaders } from './security-headers';

const SERVICE_WORKER_SOURCE = fileURLToPath(new URL('../src/sw/service-worker.ts', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../index.html', import.meta.url));

export interface OfflineOptions {
  /**
   * Grammars cached when the service worker installs (`tree-sitter-<name>.wasm`); every other grammar
   * is cached the first time a page loads it. The tree-sitter runtime is always cached up front.
   */
  precacheGrammars: string[];
}

/** Files the service worker never serves: itself and the host's header file. */
const NOT_CACHED = new Set(['sw.js', '_headers']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** `assets/tree-sitter-python-BlcJAWGl.wasm` → `python`; null for anything but a grammar. */
function grammarOf(path: string): string | null {
  return path.match(/^assets\/tree-sitter-(.+)-[\w-]{8}\.wasm$/)?.[1] ?? null;
}

/**
 * Writes `dist/sw.js` with the list of the files this build wrote (their hashed names) and a version
 * derived from their bytes, and `dist/_headers` from the page's CSP. Build only: `npm start` never
 * registers a service worker.
 */
export function offline(options: OfflineOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'staleproof:offline',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      const files = (await filesUnder(outDir)).filter(
        (path) => !NOT_CACHED.has(path) && !path.endsWith('.map'),
      );
      const keepUpFront = new Set(options.precacheGrammars);
      const precache: string[] = [];
      const lazy: string[] = [];
      const version = createHash('sha256');
      for (const path of files) {
        version
          .update(`${path}\0`)
          .update(await readFile(join(outDir, path)))
          .update('\0');
        const grammar = grammarOf(path);
        if (grammar !== null && !keepUpFront.has(grammar)) lazy.push(path);
        else precache.push(path === 'index.html' ? './' : path);
      }
      const unknown = options.precacheGrammars.filter(
        (name) => !files.some((path) => grammarOf(path) === name),
      );
      if (unknown.length > 0) throw new Error(`offline: no grammar file for ${unknown.join(', ')}`);

      const manifest = { version: version.digest('hex').slice(0, 16), precache, lazy };
      const source = await readFile(SERVICE_WORKER_SOURCE, 'utf8');
      const { code } = await transformWithOxc(source, SERVICE_WORKER_SOURCE, { lang: 'ts' });
      const slot = /= __STALEPROOF_BUILD__;/g;
      if (code.match(slot)?.length !== 1)
        throw new Error('offline: the service worker lost its manifest slot');
      const worker = code.replace(slot, `= ${JSON.stringify(manifest)};`);
      await writeFile(join(outDir, 'sw.js'), `// staleproof ${manifest.version}\n${worker}`);
      await writeFile(join(outDir, '_headers'), headersFile(cspFromHtml(await readFile(INDEX_HTML, 'utf8'))));
    },
  };
}

/** `npm run preview` sends the headers docs/hosting.md documents, so the browser tests run under them. */
export function previewHeaders(): Plugin {
  return {
    name: 'staleproof:preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        // Read each time: a preview server left running still sends the policy of the page it serves.
        for (const [name, value] of securityHeaders(cspFromHtml(readFileSync(INDEX_HTML, 'utf8')))) {
          response.setHeader(name, value);
        }
        next();
      });
    },
  };
}
