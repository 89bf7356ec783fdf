/**
 * `npm run bench`: analysis latency by input size (first run in a fresh process, and warm), and the
 * size of the built site. Figures are reported, never asserted: timing belongs here, not in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeGrammarSource } from '../cli/node-grammars';
import { createEngine, createParserHost } from '../engine/index';
import { pythonCorpus, pythonModule } from './corpus';
import { springApplicationYaml } from './spring-yaml';
import { typescriptService } from './ts-service';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const WARM_RUNS = 15;
const COLD_RUNS = 3;
const root = new URL('..', import.meta.url).pathname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function latency() {
  const engine = createEngine({ host: createParserHost(nodeGrammarSource) });
  await engine.analyse(pythonCorpus(1000), { filename: 'warmup.py' });
  const rows: string[] = [];
  for (const size of SIZES) {
    const text = pythonCorpus(size);
    const cold: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const out = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'bench/cold.ts'), String(size)],
        {
          encoding: 'utf8',
        },
      );
      cold.push(Number(out.stdout.trim()));
    }
    const warm: number[] = [];
    let findings = 0;
    for (let i = 0; i < (size >= 1_000_000 ? 5 : WARM_RUNS); i++) {
      const t0 = performance.now();
      const result = await engine.analyse(text, { filename: 'bench.py' });
      warm.push(performance.now() - t0);
      findings = result.findings.length;
    }
    rows.push(
      `| ${kb(text.length).padStart(9)} | ${String(findings).padStart(8)} | ${median(cold).toFixed(1).padStart(13)} | ${median(warm).toFixed(1).padStart(13)} | ${Math.max(
        ...warm,
      )
        .toFixed(1)
        .padStart(12)} |`,
    );
  }
  const moduleText = pythonModule(2000, 20);
  const moduleRuns: number[] = [];
  let moduleFindings = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    const result = await engine.analyse(moduleText, { filename: 'services.py' });
    moduleRuns.push(performance.now() - t0);
    moduleFindings = result.findings.length;
  }
  const yamlText = springApplicationYaml(2000, ['dev', 'test', 'staging', 'prod', 'eu', 'us', 'batch']);
  const yamlRuns: number[] = [];
  let yamlFindings = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    const result = await engine.analyse(yamlText, { filename: 'application.yml' });
    yamlRuns.push(performance.now() - t0);
    yamlFindings = result.findings.length;
  }
  const tsText = typescriptService(3000, 24);
  const tsRuns: number[] = [];
  let tsFindings = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    const result = await engine.analyse(tsText, { filename: 'service.ts' });
    tsRuns.push(performance.now() - t0);
    tsFindings = result.findings.length;
  }
  console.log(
    'Analysis latency in Node (Python input; analyse = detect + parse + rules + fix loop + redact)\n',
  );
  console.log('|     input | findings | first run, ms | warm median, ms | warm max, ms |');
  console.log('|----------:|---------:|--------------:|----------------:|-------------:|');
  for (const row of rows) console.log(row);
  console.log(
    `\nA ${moduleText.split('\n').length - 1}-line Python module with 20 engines: ${moduleFindings} findings, warm median ${median(moduleRuns).toFixed(1)} ms, max ${Math.max(...moduleRuns).toFixed(1)} ms`,
  );
  console.log(
    `A ${yamlText.split('\n').length - 1}-line Spring application.yml with 8 profile documents: ${yamlFindings} findings, warm median ${median(yamlRuns).toFixed(1)} ms, max ${Math.max(...yamlRuns).toFixed(1)} ms`,
  );
  console.log(
    `A ${tsText.split('\n').length - 1}-line TypeScript service with 24 pools (pg, postgres.js, Knex, TypeORM): ${tsFindings} findings, warm median ${median(tsRuns).toFixed(1)} ms, max ${Math.max(...tsRuns).toFixed(1)} ms`,
  );
  await serverSamples(engine);
}

/** The servers' own sample configs as Debian installs them (issue #7): a file of commented defaults. */
const SERVER_SAMPLES = [
  {
    path: '/usr/share/postgresql/15/postgresql.conf.sample',
    filename: 'postgresql.conf',
    what: 'PostgreSQL 15 postgresql.conf.sample',
  },
  {
    path: '/etc/pgbouncer/pgbouncer.ini',
    filename: 'pgbouncer.ini',
    what: 'PgBouncer 1.18 sample pgbouncer.ini',
  },
];

async function serverSamples(engine: ReturnType<typeof createEngine>) {
  for (const sample of SERVER_SAMPLES) {
    if (!existsSync(sample.path)) {
      console.log(`(${sample.path} is missing: run scripts/system-deps.sh for the ${sample.what} figure)`);
      continue;
    }
    const text = readFileSync(sample.path, 'utf8');
    await engine.analyse(text, { filename: sample.filename });
    const runs: number[] = [];
    let findings = 0;
    for (let i = 0; i < WARM_RUNS; i++) {
      const t0 = performance.now();
      const result = await engine.analyse(text, { filename: sample.filename });
      runs.push(performance.now() - t0);
      findings = result.findings.length;
    }
    console.log(
      `The ${text.split('\n').length - 1}-line ${sample.what}: ${findings} findings, warm median ${median(runs).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms`,
    );
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function buildSizes() {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log('\n(no dist/: run `npm run build` first for the site sizes)');
    return;
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g),
  ].map((m) => join(dist, m[1] ?? ''));
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const all = files(dist);
  const js = all.filter((f) => f.endsWith('.js'));
  const wasm = all.filter((f) => f.endsWith('.wasm'));
  const initialGz = initial.reduce((sum, f) => sum + gz(f), 0);
  const largest = js.map((f) => ({ f, size: gz(f) })).sort((a, b) => b.size - a.size)[0];
  console.log('\nBuilt site (gzip)\n');
  console.log('| what | size |');
  console.log('|---|---:|');
  console.log(`| initial JS (entry + modulepreload, before Monaco) | ${kb(initialGz)} |`);
  if (largest) console.log(`| largest lazy JS chunk (${largest.f.split('/').pop()}) | ${kb(largest.size)} |`);
  console.log(`| all JS | ${kb(js.reduce((s, f) => s + gz(f), 0))} |`);
  console.log(
    `| grammar + runtime WASM (${wasm.length} files, each fetched on first use) | ${kb(wasm.reduce((s, f) => s + gz(f), 0))} |`,
  );
  console.log(`| whole dist/ | ${kb(all.reduce((s, f) => s + gz(f), 0))} |`);
}

await latency();
buildSizes();
await (await import('./browser')).browserBench();
console.log('\nRedaction on the labelled corpus (redaction/corpus), next to secretlint\n');
await import('./redaction');
