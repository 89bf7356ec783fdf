/**
 * Proof against the real JVM stack: every fixture of rules/jvm, original and patched goldens, runs with
 * Debian's HikariCP, pgJDBC, Tomcat JDBC, Commons DBCP2 and c3p0 against a throwaway PostgreSQL.
 * Each pool a file builds (hikari.properties via `new HikariConfig(path)`, Spring keys bound by relaxed
 * name onto HikariCP / Tomcat JDBC / DBCP2, c3p0.properties keys onto ComboPooledDataSource, Java
 * snippets compiled with javac, Kotlin files compiled with Debian's kotlinc 1.3) must connect and run
 * SELECT 1, and the pool and the driver must report what the file says: the pool's own getters, the
 * properties pgJDBC parsed, the socket's SO_KEEPALIVE and SO_TIMEOUT. Every pgJDBC URL is also opened
 * directly.
 *
 * What the shipped versions cannot show is said, not faked: keepaliveTime (HikariCP 4.0.0+) is unbound
 * on 2.7.9, fails hikari.properties and does not compile; DBCP2 2.9 has no Duration setters (2.10+);
 * c3p0 0.9.1.2 has no connectionIsValidTimeout (0.10); Spring Boot and Quarkus/Agroal are not
 * installed (Quarkus files are checked through their pgJDBC URLs only). The c3p0 checkoutTimeout of
 * reference V10 (30 ms) really fails the first checkout; the review fix makes it connect.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentProfile } from '../../core/environment';
import { detectFormat } from '../../wasm-parsers/detect';
import { FORMATS } from '../../wasm-parsers/formats';
import { engine, host } from '../support/engine';
import { type PgServer, startPostgres } from '../support/postgres';
import { type Expected, type Job, jobsFor, propertiesText, type Target } from './jvm/jobs';

const root = new URL('../..', import.meta.url).pathname;
const JARS = [
  'HikariCP.jar',
  'postgresql.jar',
  'slf4j-api.jar',
  'slf4j-nop.jar',
  'tomcat9-jdbc.jar',
  'tomcat9-juli.jar',
  'commons-dbcp2.jar',
  'commons-pool2.jar',
  'commons-logging.jar',
  'c3p0.jar',
  'kotlin-stdlib.jar',
].map((j) => join('/usr/share/java', j));
const CLASSPATH_SEP = ':';

interface Socket {
  keepAlive: boolean;
  soTimeout: number;
}
interface DriverView {
  tcpKeepAlive: boolean;
  socketTimeout: string;
  connectTimeout: string;
  loginTimeout: string;
  targetServerType: string;
  options: string;
}
interface PoolReport {
  name: string;
  /** Set for Tomcat JDBC / DBCP2 / c3p0 pools (absent for HikariCP). */
  kind?: 'tomcat' | 'dbcp2' | 'c3p0';
  config?: Record<string, number | string | boolean | null>;
  unbound?: string[];
  dataSourceProperties?: Record<string, string>;
  select1: number;
  statementTimeout: string;
  driver: DriverView;
  names: Record<string, string>;
  socket: Socket;
}
interface JobReport {
  id: string;
  pools: PoolReport[];
  error: string | null;
}

/** Fixtures of these rule folders, with their goldens. */
function fixtures(dir = join(root, 'rules/jvm')): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...fixtures(path));
    else if (dir.endsWith('fixtures') && /\.(properties|ya?ml|java|env|kt)$/.test(entry)) out.push(path);
  }
  return out.sort();
}

function ruleIdOf(fixture: string): string {
  return relative(join(root, 'rules'), fixture).split('/fixtures/')[0]?.split('/').join('.') ?? '';
}

const VALID_TST = [
  'any',
  'primary',
  'secondary',
  'preferSecondary',
  'preferPrimary',
  'master',
  'slave',
  'preferSlave',
];
const isGolden = (f: string) => /\.(fixed|unsafe)\.[^.]+$/.test(f);
const originalOf = (f: string) => f.replace(/\.(fixed|unsafe)(\.[^.]+)$/, '$2');

/** Failures that are a version or a missing library, not a bug: the test says which it was. */
const NOT_RUNNABLE: ReadonlyArray<[RegExp, string]> = [
  [
    /Property keepaliveTime does not exist|symbol:\s+method setKeepaliveTime|unresolved reference: (keepaliveTime|setKeepaliveTime)/,
    'keepaliveTime needs HikariCP 4.0.0+',
  ],
  [/symbol:\s+variable DataSourceBuilder|DataSourceBuilder/, 'Spring Boot is not installed'],
  [
    /method (setValidationQueryTimeout|setMaxConn|setMaxWait)\(Duration\)|(setValidationQueryTimeout|setMaxWait|setMaxConn).*Duration|incompatible types: Duration cannot be converted/,
    'the Duration setters need DBCP2 2.10+ (Debian ships 2.9)',
  ],
  [
    /setConnectionIsValidTimeout|connectionIsValidTimeout/,
    'connectionIsValidTimeout needs c3p0 0.10 (Debian ships 0.9.1.2)',
  ],
  [/Cannot find property file/, 'settings read from a file outside the fixture'],
  [
    /SSL root certificate|does not support SSL/,
    "sslmode=verify-ca/verify-full, which needs the CA certificate of the server (the throwaway server's is self-signed)",
  ],
  [/symbol:\s+variable KEEPALIVE_MS/, 'a constant defined elsewhere'],
];

function notRunnable(error: string | null | undefined): string | null {
  if (!error) return null;
  return NOT_RUNNABLE.find(([re]) => re.test(error))?.[1] ?? null;
}

let pg: PgServer;
let work: string;
let hikariVersion = '';
let pgjdbcVersion = '';
const reports = new Map<string, JobReport>();
const compileErrors = new Map<string, string>();
const plan = new Map<string, { pools: Job[]; urls: Job[]; notes: string[] }>();
const files = fixtures();

function debianVersion(pkg: string): string {
  const format = `-f=$${'{'}Version}`; // dpkg-query's own field syntax
  return execFileSync('dpkg-query', ['-W', format, pkg], { encoding: 'utf8' }).replace(/-.*$/, '');
}

async function parse(file: string) {
  const text = readFileSync(file, 'utf8');
  const detection = detectFormat(text, { filename: file });
  if (detection.format === 'unknown') throw new Error(`cannot detect the format of ${file}`);
  return host.parse(FORMATS[detection.format].grammar, text);
}

/** javac over every Java job at once; files that do not compile are dropped (with their error) and the rest recompiled. */
function compile(jobs: Array<Extract<Job, { kind: 'java' }>>, classes: string) {
  const src = join(work, 'src');
  mkdirSync(src, { recursive: true });
  let pending = jobs;
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const paths = pending.map((j) => {
      const path = join(src, `${j.className}.java`);
      writeFileSync(path, j.source);
      return path;
    });
    try {
      execFileSync(
        'javac',
        ['-nowarn', '-proc:none', '-d', classes, '-cp', [...JARS, classes].join(CLASSPATH_SEP), ...paths],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      return;
    } catch (error) {
      const out = String((error as { stderr?: string }).stderr ?? error);
      const failed = new Set<string>();
      const lines = out.split('\n');
      lines.forEach((line, i) => {
        const m = /(Fx\w+)\.java:\d+: error: (.*)$/.exec(line);
        if (!m) return;
        const cls = m[1] as string;
        failed.add(cls);
        const symbol =
          lines
            .slice(i + 1, i + 5)
            .find((l) => /^\s*symbol:/.test(l))
            ?.trim() ?? '';
        if (!compileErrors.has(cls)) compileErrors.set(cls, `${m[2]} ${symbol}`.trim());
      });
      if (failed.size === 0) throw new Error(`javac failed: ${out.slice(0, 2000)}`);
      pending = pending.filter((j) => !failed.has(j.className));
    }
  }
}

/** kotlinc over every Kotlin job at once (one JVM); files that do not compile are dropped with their error. */
function compileKotlin(jobs: Array<Extract<Job, { kind: 'java' }>>, classes: string) {
  const src = join(work, 'src-kt');
  mkdirSync(src, { recursive: true });
  let pending = jobs;
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const byFile = new Map<string, string>();
    const paths = pending.map((j) => {
      const path = join(src, `${j.className.split('.').at(-1)}.kt`);
      writeFileSync(path, j.source);
      byFile.set(path, j.className);
      return path;
    });
    try {
      execFileSync(
        'kotlinc',
        ['-nowarn', '-d', classes, '-cp', [...JARS, classes].join(CLASSPATH_SEP), ...paths],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      return;
    } catch (error) {
      const out = String((error as { stderr?: string }).stderr ?? error);
      const failed = new Set<string>();
      for (const line of out.split('\n')) {
        const m = /^(\S+\.kt):\d+:\d+: error: (.*)$/.exec(line);
        const cls = m ? byFile.get(m[1] as string) : undefined;
        if (!m || !cls) continue;
        failed.add(cls);
        if (!compileErrors.has(cls)) compileErrors.set(cls, `kotlinc: ${m[2]}`);
      }
      if (failed.size === 0) throw new Error(`kotlinc failed: ${out.slice(0, 2000)}`);
      pending = pending.filter((j) => !failed.has(j.className));
    }
  }
}

async function runHarness(jobs: Job[], classes: string): Promise<void> {
  const lines: string[] = [];
  for (const job of jobs) {
    if (job.kind === 'props') {
      const path = join(work, `${job.id.replace(/\W/g, '_')}.properties`);
      writeFileSync(path, job.text);
      lines.push(`${job.id}\tprops\t${path}`);
    } else if (job.kind === 'spring') {
      const path = join(work, `${job.id.replace(/\W/g, '_')}.spring.properties`);
      writeFileSync(path, propertiesText(job.properties));
      lines.push(`${job.id}\tspring\t${path}`);
    } else if (job.kind === 'pool') {
      const path = join(work, `${job.id.replace(/\W/g, '_')}.pool.properties`);
      writeFileSync(path, propertiesText(job.properties));
      lines.push(`${job.id}\tpool\t${job.pool}\t${path}`);
    } else if (job.kind === 'java') {
      if (compileErrors.has(job.className)) {
        reports.set(job.id, { id: job.id, pools: [], error: `javac: ${compileErrors.get(job.className)}` });
        continue;
      }
      lines.push(`${job.id}\tjava\t${job.className}\t${job.method}\t${job.names.join(',')}`);
    } else if (job.kind === 'url') {
      lines.push(`${job.id}\turl\t${job.url}`);
    }
  }
  const child = spawn(
    'java',
    [
      '-Xshare:auto',
      '-XX:TieredStopAtLevel=1',
      `-Dpg.user=${pg.user}`,
      `-Dpg.password=${pg.password}`,
      `-Dpg.host=${pg.host}`,
      `-Dpg.port=${pg.port}`,
      `-Dpg.database=${pg.database}`,
      '-cp',
      [...JARS, classes].join(CLASSPATH_SEP),
      'Harness',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdin.end(`${lines.join('\n')}\n`);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`Harness exited ${code}: ${stderr.slice(0, 2000)}`);
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const report = JSON.parse(line) as JobReport;
    reports.set(report.id, report);
  }
}

function jobReports(file: string, which: 'pools' | 'urls'): JobReport[] {
  return (plan.get(file)?.[which] ?? []).map(
    (j) => reports.get(j.id) ?? { id: j.id, pools: [], error: 'no report' },
  );
}

function allConnections(file: string): PoolReport[] {
  return [...jobReports(file, 'pools'), ...jobReports(file, 'urls')].flatMap((r) => r.pools);
}

/** The connections the application really opens: its pools' when the file builds any, else its URLs'. */
function appConnections(file: string): PoolReport[] {
  const pools = jobReports(file, 'pools').flatMap((r) => r.pools);
  return pools.length > 0 ? pools : jobReports(file, 'urls').flatMap((r) => r.pools);
}

/** Every literal Hikari setting of the file is what the started pool reports (no silent clamp). */
function mismatches(file: string): string[] {
  const out: string[] = [];
  for (const job of plan.get(file)?.pools ?? []) {
    const report = reports.get(job.id);
    // Tomcat JDBC / DBCP2 / c3p0: the pool's getters against the file's literal settings.
    const poolChecks: Array<[PoolReport | undefined, Record<string, unknown>]> =
      job.kind === 'pool'
        ? [[report?.pools[0], job.expected]]
        : job.kind === 'java'
          ? (report?.pools ?? []).filter((p) => p.kind).map((p) => [p, job.poolExpected?.[p.name] ?? {}])
          : [];
    for (const [pool, expected] of poolChecks) {
      if (!pool?.config) continue;
      for (const [prop, value] of Object.entries(expected)) {
        const actual = pool.config[prop];
        if (actual === 'unsupported') continue;
        if (actual !== value) out.push(`${pool.name}.${prop}: file ${value}, pool ${actual}`);
      }
    }
    if (job.kind !== 'props' && job.kind !== 'spring') continue;
    const pool = report?.pools[0];
    if (!pool?.config) continue;
    for (const [prop, value] of Object.entries(job.expected as Expected)) {
      const actual = pool.config[prop];
      if (actual === 'unsupported') continue;
      if (actual !== value) out.push(`${prop}: file ${value}, pool ${actual}`);
    }
  }
  return out;
}

describe('JVM fixtures against Debian HikariCP and pgJDBC', () => {
  beforeAll(async () => {
    for (const jar of JARS) {
      if (!existsSync(jar)) throw new Error(`${jar} is missing: run scripts/system-deps.sh`);
    }
    hikariVersion = debianVersion('libhikaricp-java');
    pgjdbcVersion = debianVersion('libpostgresql-jdbc-java');
    pg = await startPostgres();
    work = mkdtempSync(join(tmpdir(), 'staleproof-jvm-'));
    const classes = join(work, 'classes');
    mkdirSync(classes, { recursive: true });
    const target: Target = {
      host: pg.host,
      port: pg.port,
      database: pg.database,
      user: pg.user,
      password: pg.password,
    };
    const all: Job[] = [];
    for (const [i, file] of files.entries()) {
      const doc = await parse(file);
      try {
        const ext = file.slice(file.lastIndexOf('.') + 1);
        const jobs = jobsFor(`f${i}`, doc, ext, target);
        plan.set(file, jobs);
        all.push(...jobs.pools, ...jobs.urls);
      } finally {
        doc.dispose();
      }
    }
    execFileSync(
      'javac',
      [
        '-nowarn',
        '-d',
        classes,
        '-cp',
        JARS.join(CLASSPATH_SEP),
        join(root, 'tests/drivers/jvm/Harness.java'),
        join(root, 'tests/drivers/jvm/Pools.java'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    compile(
      all.filter((j): j is Extract<Job, { kind: 'java' }> => j.kind === 'java' && !j.kotlin),
      classes,
    );
    compileKotlin(
      all.filter((j): j is Extract<Job, { kind: 'java' }> => j.kind === 'java' && !!j.kotlin),
      classes,
    );
    await runHarness(all, classes);
  }, 170_000);

  afterAll(() => {
    pg?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const file of files) {
    const name = relative(join(root, 'rules'), file);
    const rule = ruleIdOf(file);
    it(`${name}: ${isGolden(file) ? 'the patched file still connects and the pool uses what the fix wrote' : 'builds, connects, and shows what the rule is about'}`, () => {
      const pools = jobReports(file, 'pools');
      const urls = jobReports(file, 'urls');
      const original = originalOf(file);
      // A targetServerType pgJDBC rejects really stops every connection; the golden of the rule that
      // corrects it must connect, every other file may fail exactly this way.
      const expectedFailure = (error: string | null) => {
        // c3p0 checkoutTimeout under 1 s (milliseconds, not seconds) really fails the first checkout;
        // jvm.c3p0.checkout-timeout's review fix is what makes it connect.
        if (/checkout a Connection has timed out/.test(error ?? '') && c3p0ShortCheckout(file)) return true;
        const bad = /Invalid targetServerType value: (\S+)/.exec(error ?? '')?.[1];
        if (!bad || VALID_TST.includes(bad)) return false;
        const correctable = VALID_TST.some((v) => v.toLowerCase() === bad.toLowerCase());
        return !(isGolden(file) && rule === 'jvm.pgjdbc.target-server-type-invalid' && correctable);
      };
      for (const report of [...pools, ...urls]) {
        const reason = notRunnable(report.error);
        if (reason) {
          // Only these fixtures may hit a version or library gap; anything else is a bug.
          expect(reason, `${report.id}: ${report.error}`).toMatch(
            /HikariCP 4.0.0|Spring Boot|DBCP2 2.10|c3p0 0.10|constant|outside|TLS|verify-ca/,
          );
          continue;
        }
        if (expectedFailure(report.error)) continue;
        expect(report.error, `${report.id} failed with the real driver`).toBeNull();
        for (const pool of report.pools) expect(pool.select1).toBe(1);
      }
      for (const note of plan.get(file)?.notes ?? [])
        expect(note).toMatch(/builds no pool|not a PostgreSQL pool/);

      // pgJDBC's own reading agrees with the socket it opened.
      for (const c of allConnections(file)) {
        expect(c.socket.keepAlive, `${c.name}: SO_KEEPALIVE vs tcpKeepAlive`).toBe(c.driver.tcpKeepAlive);
        expect(c.socket.soTimeout).toBe(Number(c.driver.socketTimeout) * 1000);
      }

      const check = CHECKS[rule];
      const changed = isGolden(file) && readFileSync(file, 'utf8') !== readFileSync(original, 'utf8');
      if (check && (!isGolden(file) || changed)) {
        check({
          file,
          golden: isGolden(file),
          ok: /\/ok-[^/]+$/.test(original),
          connections: appConnections(file),
          mismatches: mismatches(file),
          pools,
        });
      }
    });
  }

  it('ran for real: pools and URLs connected, every gap named, only keepalive keys unbound', () => {
    const all = [...reports.values()];
    const connected = all.filter((r) => r.error === null && r.pools.length > 0);
    const pools = connected.filter((r) => !r.id.includes('#url')).flatMap((r) => r.pools);
    const urls = connected.filter((r) => r.id.includes('#url')).flatMap((r) => r.pools);
    const gaps = new Map<string, number>();
    for (const r of all) {
      const reason = notRunnable(r.error);
      if (reason) gaps.set(reason, (gaps.get(reason) ?? 0) + 1);
    }
    console.log(
      `JVM driver proof on HikariCP ${hikariVersion} / pgJDBC ${pgjdbcVersion} / Tomcat JDBC ${debianVersion('libtomcat9-java')} / DBCP2 ${debianVersion('libcommons-dbcp2-java')} / c3p0 ${debianVersion('libc3p0-java')}: ${pools.length} pools and ${urls.length} plain URL connections ran SELECT 1; not runnable here: ${[...gaps].map(([k, v]) => `${v}× ${k}`).join('; ')}`,
    );
    expect(pools.length).toBeGreaterThan(100);
    expect(urls.length).toBeGreaterThan(150);
    // Spring keys the binder could not place: on HikariCP 2.7.9 only keepaliveTime (4.0.0+) may be among them.
    const hikari = pools.filter((p) => !p.kind);
    const unbound = hikari.flatMap((p) => p.unbound ?? []);
    expect(unbound.length).toBeGreaterThan(0);
    for (const key of unbound) expect(key).toMatch(/keep-?alive-?time$/i);
    for (const p of hikari) expect(p.config?.keepaliveTime).toBe('unsupported');
    // Tomcat JDBC, DBCP2 and c3p0 pools ran too; only c3p0 0.10's connectionIsValidTimeout is unbound.
    const others = pools.filter((p) => p.kind);
    for (const kind of ['tomcat', 'dbcp2', 'c3p0'])
      expect(
        others.some((p) => p.kind === kind),
        kind,
      ).toBe(true);
    for (const key of others.flatMap((p) => p.unbound ?? []))
      expect(key).toMatch(/connectionIsValidTimeout$/);
    // Kotlin fixtures were compiled with kotlinc and ran.
    expect(connected.some((r) => r.id.includes('#kotlin'))).toBe(true);
  });

  it(`Debian ships HikariCP ${'2.7.9'}-era keepalive-less pools: the keepalive rules write nothing when told that version`, async () => {
    expect(hikariVersion).not.toBe('');
    const environment: EnvironmentProfile = { versions: { hikariCP: hikariVersion, pgjdbc: pgjdbcVersion } };
    const keepaliveRules = [
      'jvm.hikari.keepalive-missing',
      'jvm.hikari.keepalive-too-low',
      'jvm.hikari.keepalive-ge-max-lifetime',
      'jvm.hikari.keepalive-exceeds-idle-limit',
    ];
    for (const file of files.filter((f) => !isGolden(f) && /\.(java|kt|properties|ya?ml)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const result = await engine.analyse(text, {
        filename: file,
        environment,
        rules: keepaliveRules,
        unsafe: true,
      });
      const written = result.findings.filter((f) => f.fix?.edits.some((e) => /keepalive/i.test(e.text)));
      expect(written.map((f) => `${relative(root, file)}: ${f.ruleId}`)).toEqual([]);
    }
  });
});

interface CheckContext {
  file: string;
  golden: boolean;
  ok: boolean;
  connections: PoolReport[];
  mismatches: string[];
  pools: JobReport[];
}

/** What each rule's fix must change in the driver's or the pool's own view. */
const CHECKS: Record<string, (c: CheckContext) => void> = {
  'jvm.pgjdbc.tcp-keepalive-missing': ({ golden, ok, connections, file }) => {
    if (golden) for (const c of connections) expect(c.socket.keepAlive, `${file}: ${c.name}`).toBe(true);
    // (A Kotlin URL built from a string template opens nothing the harness can run.)
    else if (!ok && connections.length > 0)
      expect(
        connections.some((c) => !c.socket.keepAlive),
        file,
      ).toBe(true);
  },
  'jvm.pgjdbc.tcp-keepalive-invalid-value': ({ golden, ok, connections }) => {
    if (ok) return;
    if (golden) for (const c of connections) expect(c.socket.keepAlive).toBe(true);
    // `yes` / `1` / `on` really leave keepalive off in pgJDBC.
    else expect(connections.every((c) => !c.socket.keepAlive)).toBe(true);
  },
  'jvm.pgjdbc.property-name-case': ({ golden, connections }) => {
    if (!golden) return;
    for (const c of connections) {
      expect(
        Object.keys(c.names).filter(
          (k) =>
            /^(tcp.?keep.?alive|socket.?timeout)$/i.test(k) && !['tcpKeepAlive', 'socketTimeout'].includes(k),
        ),
      ).toEqual([]);
      if ('tcpKeepAlive' in c.names) expect(c.socket.keepAlive).toBe(true);
    }
  },
  'jvm.pgjdbc.connect-timeout-disabled': ({ golden, ok, connections }) => {
    if (!ok) for (const c of connections) expect(c.driver.connectTimeout).toBe(golden ? '10' : '0');
  },
  'jvm.pgjdbc.target-server-type-invalid': ({ golden, ok, connections, pools }) => {
    if (!golden && !ok) return;
    expect(pools.every((p) => p.error === null || notRunnable(p.error))).toBe(true);
    for (const c of connections)
      expect([
        'any',
        'primary',
        'secondary',
        'preferSecondary',
        'preferPrimary',
        'master',
        'slave',
        'preferSlave',
      ]).toContain(c.driver.targetServerType);
  },
  'jvm.pgjdbc.login-timeout-missing': ({ file, connections }) => {
    if (/\.unsafe\./.test(file))
      for (const c of connections) expect(Number(c.driver.loginTimeout)).toBeGreaterThan(0);
  },
  'jvm.pgjdbc.multihost-without-target-server-type': ({ file, connections }) => {
    if (/\.unsafe\./.test(file))
      for (const c of connections) expect(c.driver.targetServerType).toBe('primary');
  },
  'jvm.pgjdbc.timeout-unit-suspect': ({ file, connections }) => {
    if (/\.unsafe\./.test(file))
      for (const c of connections) expect(c.socket.soTimeout).toBeLessThan(3_600_000);
  },
  'jvm.pgjdbc.socket-timeout-below-statement-timeout': ({ file, connections }) => {
    for (const c of connections) {
      const statement = /^(\d+)(ms|s|min)$/.exec(c.statementTimeout);
      if (!statement) continue;
      const ms = Number(statement[1]) * ({ ms: 1, s: 1000, min: 60_000 }[statement[2] as 'ms'] ?? 1);
      // The server now cancels before the socket gives up.
      if (/\.unsafe\.|\/ok-/.test(file)) expect(c.socket.soTimeout).toBeGreaterThan(ms);
      else expect(c.socket.soTimeout).toBeLessThanOrEqual(ms);
    }
  },
  'jvm.pgjdbc.socket-timeout-zero': ({ ok, connections }) => {
    if (!ok) for (const c of connections) expect(c.socket.soTimeout).toBe(0);
  },
  ...Object.fromEntries(
    [
      'jvm.hikari.max-lifetime-zero',
      'jvm.hikari.max-lifetime-too-low',
      'jvm.hikari.idle-timeout-clamped',
      'jvm.hikari.connection-test-query-jdbc4',
      'jvm.hikari.validation-timeout-ge-connection-timeout',
      'jvm.hikari.connection-timeout-infinite',
      'jvm.hikari.max-lifetime-too-long',
      'jvm.spring.inactive-pool-prefix',
      'jvm.spring.generic-pool-keys-ignored',
    ].map((id) => [
      id,
      ({ golden, mismatches, file }: CheckContext) => {
        // Patched: the running pool uses exactly what the file says.
        if (golden && (id !== 'jvm.hikari.connection-timeout-infinite' || /\.unsafe\./.test(file))) {
          expect(mismatches, file).toEqual([]);
        }
      },
    ]),
  ),
  'jvm.hikari.max-lifetime-too-low#original': () => {},
};

// The clamp rules' originals must show the silent reset on the real pool.
for (const [id, prop, clamped] of [
  ['jvm.hikari.max-lifetime-too-low', 'maxLifetime', 1_800_000],
  ['jvm.hikari.connection-timeout-infinite', 'connectionTimeout', 2_147_483_647],
] as const) {
  const golden = CHECKS[id];
  CHECKS[id] = (c) => {
    golden?.(c);
    if (c.golden || c.ok) return;
    for (const report of c.pools) {
      for (const pool of report.pools)
        if (pool.config) expect(pool.config[prop], `${c.file}: ${prop}`).toBe(clamped);
    }
  };
}

/** The Tomcat JDBC / DBCP2 / c3p0 pools a file built. */
function otherPools(c: CheckContext): PoolReport[] {
  return c.pools.flatMap((r) => r.pools).filter((p) => p.kind);
}

/**
 * Tomcat JDBC, DBCP2 and c3p0: the patched file's pool reports, through its own getters, every value
 * the file writes (mismatches = []), and the property the fix is about has the fixed value; the
 * original shows the problem where the shipped version can show it.
 */
const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
const OTHER_CHECKS: Record<string, (c: CheckContext, p: PoolReport) => void> = {
  'jvm.tomcat.no-borrow-validation': (c, p) => {
    if (c.golden) expect(p.config?.testOnBorrow || p.config?.testWhileIdle, c.file).toBe(true);
    else if (!c.ok) expect(p.config?.testOnBorrow || p.config?.testWhileIdle, c.file).toBe(false);
  },
  'jvm.tomcat.validation-interval-long': (c, p) => {
    if (c.golden) expect(num(p.config?.validationInterval)).toBeLessThanOrEqual(5000);
    else if (!c.ok) expect(num(p.config?.validationInterval)).toBeGreaterThan(5000);
  },
  'jvm.tomcat.validation-unbounded': (c, p) => {
    if (c.golden) expect(num(p.config?.validationQueryTimeout), c.file).toBeGreaterThan(0);
    else if (!c.ok) expect(num(p.config?.validationQueryTimeout), c.file).toBeLessThanOrEqual(0);
  },
  'jvm.dbcp2.validation-unbounded': (c, p) => {
    if (c.golden) expect(num(p.config?.validationQueryTimeout), c.file).toBeGreaterThan(0);
    else if (!c.ok) expect(num(p.config?.validationQueryTimeout), c.file).toBeLessThanOrEqual(0);
  },
  'jvm.dbcp2.max-conn-lifetime-missing': (c, p) => {
    if (/\.unsafe\./.test(c.file)) expect(num(p.config?.maxConnLifetimeMillis)).toBe(1_800_000);
    else if (!c.golden && !c.ok) expect(num(p.config?.maxConnLifetimeMillis)).toBeLessThanOrEqual(0);
  },
  'jvm.dbcp2.max-wait-infinite': (c, p) => {
    if (/\.unsafe\./.test(c.file)) expect(num(p.config?.maxWaitMillis)).toBe(30_000);
    else if (!c.golden && !c.ok) expect(num(p.config?.maxWaitMillis)).toBeLessThanOrEqual(0);
  },
  'jvm.c3p0.no-connection-testing': (c, p) => {
    if (c.golden) expect(p.config?.testConnectionOnCheckout).toBe(true);
    else if (!c.ok)
      expect(p.config?.testConnectionOnCheckout || num(p.config?.idleConnectionTestPeriod) > 0).toBe(false);
  },
  'jvm.c3p0.preferred-test-query-jdbc4': (c, p) => {
    if (/\.unsafe\./.test(c.file)) {
      expect(p.config?.preferredTestQuery).toBeNull();
      expect(p.config?.automaticTestTable).toBeNull();
    }
  },
  'jvm.c3p0.checkout-timeout': (c, p) => {
    if (/\.unsafe\./.test(c.file)) expect(num(p.config?.checkoutTimeout)).toBe(30_000);
    else if (!c.golden && !c.ok) expect(num(p.config?.checkoutTimeout)).toBeLessThan(1000);
  },
  // c3p0 0.9.1.2 has no connectionIsValidTimeout: the patched pools only have to connect.
  'jvm.c3p0.is-valid-timeout-missing': () => {},
};
for (const [id, check] of Object.entries(OTHER_CHECKS)) {
  CHECKS[id] = (c) => {
    if (c.golden) expect(c.mismatches, c.file).toEqual([]);
    const pools = otherPools(c);
    if (c.golden || c.ok) {
      for (const p of pools) check(c, p);
      return;
    }
    // An original shows the problem in at least one of its pools (profiles may differ).
    const shown = pools.filter((p) => {
      try {
        check(c, p);
        return true;
      } catch {
        return false;
      }
    });
    if (pools.length > 0) expect(shown.length, `${c.file}: no pool shows the problem`).toBeGreaterThan(0);
  };
}

/** The c3p0.properties file (or its golden) sets checkoutTimeout between 1 and 999 ms. */
function c3p0ShortCheckout(file: string): boolean {
  const m = /^c3p0\.checkoutTimeout\s*[=:]\s*(\d+)\s*$/m.exec(readFileSync(file, 'utf8'));
  return !!m && Number(m[1]) > 0 && Number(m[1]) < 1000;
}

// The 30 ms checkoutTimeout of reference V10 is a real outage on c3p0 0.9.1.2: the original fails
// with c3p0's own timeout message, and the review fix (30000) connects.
{
  const base = CHECKS['jvm.c3p0.checkout-timeout'];
  CHECKS['jvm.c3p0.checkout-timeout'] = (c) => {
    base?.(c);
    if (!c.golden && !c.ok && c3p0ShortCheckout(c.file))
      expect(c.pools.some((r) => /checkout a Connection has timed out/.test(r.error ?? ''))).toBe(true);
    if (/\.unsafe\./.test(c.file)) expect(c.pools.every((r) => r.error === null)).toBe(true);
  };
}
