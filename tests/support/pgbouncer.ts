/**
 * A real PgBouncer for config proofs. For each config text the harness writes a copy in which the
 * settings it owns (addresses, files, auth) are commented out and its own values are inserted right
 * after every `[pgbouncer]` header (a later header resets the section, so the first alone would not
 * do), `%include` paths point at an empty file, and a `[pgbouncer]` header is prepended when the text
 * has none. PgBouncer runs in the foreground as a child process (as the `postgres` user when root:
 * it refuses to run as root), the harness waits for the port, reads `SHOW CONFIG` from the admin
 * console with psql (`auth_type = any` lets any user into the `pgbouncer` database without a
 * userlist) and kills the process. Every process is killed in a finally block and in dispose().
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, serverAccount } from './pg-config-server';

export const PGBOUNCER = '/usr/sbin/pgbouncer';

/** Settings the harness owns: fixture lines for them are commented out. */
export const PGBOUNCER_OWNED = new Set([
  'listen_addr',
  'listen_port',
  'unix_socket_dir',
  'unix_socket_mode',
  'unix_socket_group',
  'logfile',
  'pidfile',
  'auth_file',
  'auth_type',
  'auth_hba_file',
  'admin_users',
  'so_reuseport',
  'user',
]);

export interface ShownSetting {
  value: string;
  default: string;
}

export type PgBouncerOutcome = { ok: true; config: Map<string, ShownSetting> } | { ok: false; error: string };

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The lines that say why PgBouncer did not start (`ERROR invalid value …`, `FATAL …`). */
function errorLines(output: string): string {
  const picked = output
    .split('\n')
    // Without the timestamp and pid prefix.
    .map((l) => l.trim().replace(/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[?\d+\]? */, ''))
    .filter((l) => /\b(ERROR|FATAL|WARNING)\b/.test(l));
  return (picked.length > 0 ? picked : [output.trim() || '(no output)']).join('\n');
}

export class PgBouncerRunner {
  readonly version: string;
  private readonly children = new Set<ChildProcess>();
  private case = 0;
  /** `SHOW CONFIG` of a config holding only the harness's settings: every key 1.18 knows, with its default. */
  defaults: Map<string, ShownSetting> = new Map();

  private constructor(
    private readonly dir: string,
    private readonly account: { uid: number; gid: number } | null,
  ) {
    const out = execFileSync(PGBOUNCER, ['--version'], { encoding: 'utf8' });
    this.version = /PgBouncer (\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1] ?? 'unknown';
    writeFileSync(join(dir, 'empty.ini'), '');
  }

  static async create(): Promise<PgBouncerRunner> {
    // No skip: scripts/system-deps.sh installs pgbouncer, so a missing binary is a failure.
    if (!existsSync(PGBOUNCER)) throw new Error(`${PGBOUNCER} is missing: run scripts/system-deps.sh`);
    const account = serverAccount();
    const dir = mkdtempSync(join(tmpdir(), 'staleproof-pgbouncer-'));
    if (account) chownSync(dir, account.uid, account.gid);
    const runner = new PgBouncerRunner(dir, account);
    // A worker that exits without afterAll (a crash, a timeout) still kills its PgBouncer.
    process.once('exit', () => {
      for (const child of runner.children) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    const baseline = await runner.run('[pgbouncer]\n');
    if (!baseline.ok) {
      await runner.dispose();
      throw new Error(`PgBouncer does not start with the harness settings alone: ${baseline.error}`);
    }
    runner.defaults = baseline.config;
    return runner;
  }

  knows(key: string): boolean {
    return this.defaults.has(key);
  }

  /**
   * The text PgBouncer reads: owned keys and keys listed in `drop` commented out in `[pgbouncer]`,
   * the harness's keys after every `[pgbouncer]` header, includes pointed at an empty file.
   */
  prepare(text: string, harness: readonly string[], drop: ReadonlySet<string> = new Set()): string {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const source = /^\s*\[pgbouncer\]/m.test(text) ? text : `[pgbouncer]${eol}${text}`;
    let section: string | null = null;
    return source
      .split('\n')
      .flatMap((line) => {
        const body = line.replace(/^\s+/, '');
        if (/^%include[ \t]/.test(body)) return [`%include ${join(this.dir, 'empty.ini')}`];
        if (body.startsWith(';') || body.startsWith('#')) return [line];
        if (body.startsWith('[')) {
          const end = body.indexOf(']');
          section = end < 0 ? null : body.slice(1, end);
          return section === 'pgbouncer' ? [line, ...harness] : [line];
        }
        const key = /^([A-Za-z0-9_.*-]*)[ \t]*=/.exec(body)?.[1];
        if (section === 'pgbouncer' && key !== undefined && (PGBOUNCER_OWNED.has(key) || drop.has(key))) {
          return [`; (harness) ${line}`];
        }
        return [line];
      })
      .join('\n');
  }

  /** Starts PgBouncer with the text, reads SHOW CONFIG, stops it. */
  async run(text: string, drop: ReadonlySet<string> = new Set()): Promise<PgBouncerOutcome> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.once(text, drop);
      if (!outcome.ok && attempt === 0 && /Address already in use|bind/.test(outcome.error)) continue;
      return outcome;
    }
  }

  private async once(text: string, drop: ReadonlySet<string>): Promise<PgBouncerOutcome> {
    const port = await freePort();
    const caseDir = join(this.dir, `case-${++this.case}`);
    mkdirSync(caseDir);
    if (this.account) chownSync(caseDir, this.account.uid, this.account.gid);
    const harness = [
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir = ${caseDir}`,
      'auth_type = any',
      'admin_users = pgbouncer',
      `logfile = ${join(caseDir, 'pgbouncer.log')}`,
      `pidfile = ${join(caseDir, 'pgbouncer.pid')}`,
    ];
    const ini = join(caseDir, 'pgbouncer.ini');
    writeFileSync(ini, this.prepare(text, harness, drop));
    let output = '';
    const child = spawn(PGBOUNCER, [ini], {
      cwd: caseDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(this.account ?? {}),
    });
    this.children.add(child);
    let exited = false;
    child.once('exit', () => {
      exited = true;
      this.children.delete(child);
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    try {
      const deadline = Date.now() + 10_000;
      while (!exited && Date.now() < deadline && !(await portOpen(port))) await delay(25);
      if (exited || !(await portOpen(port))) {
        await delay(50);
        const log = join(caseDir, 'pgbouncer.log');
        const text = output || (existsSync(log) ? readFileSync(log, 'utf8') : '');
        return { ok: false, error: errorLines(exited ? text : `did not listen within 10 s\n${text}`) };
      }
      return { ok: true, config: this.showConfig(port) };
    } finally {
      await this.kill(child);
    }
  }

  private showConfig(port: number): Map<string, ShownSetting> {
    const out = spawnSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'pgbouncer',
        '-d',
        'pgbouncer',
        '-XAt',
        '-F',
        '\x1f',
        '-c',
        'SHOW CONFIG',
      ],
      {
        encoding: 'utf8',
        timeout: 15_000,
        env: {
          ...process.env,
          PGCONNECT_TIMEOUT: '10',
          PGPASSFILE: join(this.dir, 'no-pgpass'),
          PGOPTIONS: '',
        },
      },
    );
    if (out.status !== 0) throw new Error(`psql SHOW CONFIG failed: ${out.stderr}`);
    const config = new Map<string, ShownSetting>();
    for (const line of out.stdout.split('\n')) {
      if (line === '') continue;
      // 1.18: key, value, default, changeable
      const [key = '', value = '', def = ''] = line.split('\x1f');
      config.set(key, { value, default: def });
    }
    return config;
  }

  private async kill(child: ChildProcess) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  }

  async dispose() {
    try {
      await Promise.all([...this.children].map((c) => this.kill(c)));
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** PgBouncer's own number parsing: strtol base 0 for integers (`010` = 8, `0x1e` = 30), strtod for times. */
function numbers(raw: string): number[] {
  const v = raw.trim();
  if (/^[-+]?0x[0-9a-f]+$/i.test(v)) return [Number.parseInt(v, 16)];
  if (/^[-+]?0[0-7]+$/.test(v)) return [Number.parseInt(v, 8), Number(v)];
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return [Number(v)];
  return [];
}

/**
 * Does SHOW CONFIG report what the file says? `raw` undefined means the key is absent, so the
 * default applies. Numbers compare numerically (times print as `%g` seconds), lookups
 * (pool_mode, auth_type…) case-insensitively, other strings exactly. Null when equal.
 */
export function pgbouncerMismatch(raw: string | undefined, shown: ShownSetting): string | null {
  if (raw === undefined) {
    return shown.value === shown.default
      ? null
      : `absent from the file, yet SHOW CONFIG reports "${shown.value}" (default "${shown.default}")`;
  }
  const want = numbers(raw);
  const got = numbers(shown.value);
  if (want.length > 0 && got.length === 1) {
    const n = got[0] ?? Number.NaN;
    if (want.some((w) => Math.abs(w - n) <= Math.abs(w) * 1e-6)) return null;
  } else if (
    raw === shown.value ||
    (raw.toLowerCase() === shown.value && shown.value === shown.value.toLowerCase())
  ) {
    return null;
  }
  return `the file says "${raw}", SHOW CONFIG reports "${shown.value}"`;
}
