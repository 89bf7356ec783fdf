/**
 * A PostgreSQL server for config proofs: initdb once into a temporary folder, then, for each config
 * text, write it to `<data>/fixture.conf` (included last by a postgresql.conf holding only the
 * harness's own settings), start on a free loopback port, read `pg_settings` over TCP (the TCP GUCs
 * read 0 on a Unix socket) and stop with `-m immediate`. `check()` only loads the configuration
 * (`postgres -C`), which reports the same errors as a start, in a few milliseconds.
 *
 * PostgreSQL refuses to run as root, so as root every server process runs as the `postgres` user
 * (the same approach as tests/support/postgres.ts, which the driver suites use).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresLine } from './server-configs';

export const PG_MAJOR = 15;
const BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;
const USER = 'staleproof';

/** Settings the harness owns: fixture lines for them are commented out (line numbers stay). */
export const PG_OWNED = new Set([
  'port',
  'listen_addresses',
  'unix_socket_directories',
  'data_directory',
  'hba_file',
  'ident_file',
  'external_pid_file',
  'config_file',
]);

export interface PgSetting {
  name: string;
  setting: string;
  unit: string | null;
  vartype: string;
  bootVal: string;
  source: string;
}

export type PgOutcome = { ok: true; settings: Map<string, PgSetting> } | { ok: false; error: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The `postgres` account's ids when running as root (servers refuse root), else null. */
export function serverAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The problem lines of a server's output (`LOG: syntax error …`, `FATAL: …`), joined. */
function errorLines(output: string): string {
  const picked = output
    .split('\n')
    // Without the timestamp and pid prefix.
    .map((l) => l.trim().replace(/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[?\d+\]? */, ''))
    .filter((l) => /\b(LOG|ERROR|FATAL|DETAIL|HINT):/.test(l) && !/database system|redirecting log/.test(l));
  return (picked.length > 0 ? picked : [output.trim()]).join('\n');
}

export class PgConfigServer {
  readonly known: ReadonlySet<string>;
  private running = false;
  private disposed = false;
  private case = 0;

  private constructor(
    private readonly dir: string,
    private readonly account: { uid: number; gid: number } | null,
  ) {
    this.known = new Set(
      this.exec(join(BIN, 'postgres'), ['--describe-config'])
        .stdout.split('\n')
        .map((l) => (l.split('\t')[0] ?? '').toLowerCase())
        .filter((n) => n !== ''),
    );
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  static create(): PgConfigServer {
    if (!existsSync(join(BIN, 'pg_ctl'))) {
      throw new Error(`PostgreSQL ${PG_MAJOR} is not installed (${BIN}): run scripts/system-deps.sh`);
    }
    const account = serverAccount();
    const dir = mkdtempSync(join(tmpdir(), 'staleproof-pgconf-'));
    if (account) chownSync(dir, account.uid, account.gid);
    const server = new PgConfigServer(dir, account);
    try {
      const init = server.exec(join(BIN, 'initdb'), [
        '-D',
        server.data,
        '-U',
        USER,
        '--auth=trust',
        '--no-sync',
        '-E',
        'UTF8',
      ]);
      if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
      mkdirSync(join(dir, 'empty.d'));
      writeFileSync(join(dir, 'empty.conf'), '');
      if (account) chownSync(join(dir, 'empty.d'), account.uid, account.gid);
    } catch (error) {
      server.dispose();
      throw error;
    }
    // A worker that exits without afterAll (a crash, a timeout) still stops its server.
    process.once('exit', () => server.dispose());
    return server;
  }

  private exec(cmd: string, args: string[], timeout = 30_000) {
    const out = spawnSync(cmd, args, {
      encoding: 'utf8',
      timeout,
      cwd: this.dir,
      env: { ...process.env, LC_ALL: 'C', PGTZ: 'UTC' },
      ...(this.account ?? {}),
    });
    return { status: out.status ?? -1, stdout: out.stdout ?? '', stderr: out.stderr ?? '' };
  }

  /** A GUC PostgreSQL 15 knows (dotted names are custom placeholders and always accepted). */
  knows(name: string): boolean {
    return name.includes('.') || this.known.has(name.toLowerCase());
  }

  /**
   * The fixture as the server reads it: harness-owned settings commented out, include paths pointed
   * at an empty file or folder (the fixture's includes are not part of it), unknown names listed in
   * `drop` commented out too. Line numbers stay those of the fixture.
   */
  prepare(text: string, drop: ReadonlySet<string> = new Set()): string {
    return text
      .split('\n')
      .map((line) => {
        const parsed = postgresLine(line.replace(/\r$/, ''));
        if (!parsed) return line;
        if (parsed.name === 'include_dir') return `include_dir = '${join(this.dir, 'empty.d')}'`;
        if (parsed.name === 'include' || parsed.name === 'include_if_exists') {
          return `include = '${join(this.dir, 'empty.conf')}'`;
        }
        if (PG_OWNED.has(parsed.name) || drop.has(parsed.name)) return `# (harness) ${line}`;
        return line;
      })
      .join('\n');
  }

  private write(text: string, drop: ReadonlySet<string>, port: number) {
    writeFileSync(join(this.data, 'fixture.conf'), this.prepare(text, drop));
    writeFileSync(
      join(this.data, 'postgresql.conf'),
      [
        '# staleproof harness settings; the fixture comes last',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${this.dir}'`,
        'fsync = off',
        "include = 'fixture.conf'",
        '',
      ].join('\n'),
    );
    writeFileSync(join(this.data, 'postgresql.auto.conf'), '');
  }

  /** Loads the configuration without starting (`postgres -C port`): null, or the server's error. */
  check(text: string, drop: ReadonlySet<string> = new Set()): string | null {
    this.write(text, drop, 5432);
    const out = this.exec(join(BIN, 'postgres'), ['-C', 'port', '-D', this.data]);
    return out.status === 0 ? null : errorLines(`${out.stderr}\n${out.stdout}`);
  }

  /** Starts with the text as fixture.conf, reads the named settings over TCP, stops. */
  async start(
    text: string,
    names: readonly string[],
    drop: ReadonlySet<string> = new Set(),
  ): Promise<PgOutcome> {
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      this.write(text, drop, port);
      const log = join(this.dir, `case-${++this.case}.log`);
      const started = this.exec(join(BIN, 'pg_ctl'), ['-D', this.data, '-l', log, '-w', '-t', '30', 'start']);
      if (started.status !== 0) {
        const output = existsSync(log) ? readFileSync(log, 'utf8') : started.stderr;
        // Another process took the port between the probe and the start: try once more.
        if (attempt === 0 && /could not bind|Address already in use/.test(output)) continue;
        return { ok: false, error: errorLines(output) };
      }
      this.running = true;
      try {
        return { ok: true, settings: this.settings(port, names) };
      } finally {
        this.stop();
      }
    }
  }

  private settings(port: number, names: readonly string[]): Map<string, PgSetting> {
    const list = names.map((n) => `'${n.toLowerCase().replace(/'/g, "''")}'`).join(',');
    // A fixture may set tiny timeouts: the session lifts them, and for those two GUCs the config
    // file's value is read from reset_val (SET changes only the session's current value).
    const sql = [
      'SET statement_timeout = 0',
      'SET lock_timeout = 0',
      `SELECT name, CASE WHEN name IN ('statement_timeout', 'lock_timeout') THEN reset_val ELSE setting END, coalesce(unit, ''), vartype, coalesce(boot_val, ''), CASE WHEN name IN ('statement_timeout', 'lock_timeout') THEN (CASE WHEN reset_val = boot_val THEN 'default' ELSE 'configuration file' END) ELSE source END FROM pg_settings WHERE lower(name) IN (${list || "''"})`,
    ].join('; ');
    const out = spawnSync(
      'psql',
      ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-d', 'postgres', '-qXAt', '-F', '\x1f', '-c', sql],
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
    if (out.status !== 0) throw new Error(`psql failed: ${out.stderr}`);
    const map = new Map<string, PgSetting>();
    for (const line of out.stdout.split('\n')) {
      if (line === '') continue;
      const [name = '', setting = '', unit = '', vartype = '', bootVal = '', source = ''] =
        line.split('\x1f');
      map.set(name.toLowerCase(), {
        name: name.toLowerCase(),
        setting,
        unit: unit === '' ? null : unit,
        vartype,
        bootVal,
        source,
      });
    }
    return map;
  }

  private stop() {
    if (!this.running) return;
    this.exec(join(BIN, 'pg_ctl'), ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
    this.running = false;
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.stop();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

// ---- what a value means in the server's base unit ----------------------------------------------

const TIME_MS: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const MEMORY_B: Record<string, number> = { B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function unitFactor(unit: string): { kind: 'time' | 'memory'; factor: number } | null {
  if (unit in TIME_MS) return { kind: 'time', factor: TIME_MS[unit] ?? 1 };
  const scaled = /^(\d+)?(B|kB|MB|GB|TB)$/.exec(unit);
  if (scaled) return { kind: 'memory', factor: Number(scaled[1] ?? 1) * (MEMORY_B[scaled[2] ?? 'B'] ?? 1) };
  return null;
}

/** PostgreSQL's parse_int / parse_real: strtol base 0 for integers, then an optional unit. */
function numberIn(raw: string, base: string | null): number | null {
  const match = /^\s*([-+]?(?:0x[0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?))\s*([A-Za-z]*)\s*$/.exec(raw);
  if (!match) return null;
  const literal = match[1] ?? '';
  let value: number;
  if (/^[-+]?0x/i.test(literal)) value = Number.parseInt(literal, 16);
  else if (/^[-+]?0\d+$/.test(literal)) value = Number.parseInt(literal, 8);
  else value = Number(literal);
  const unit = match[2] ?? '';
  if (unit === '') return value;
  const from = unitFactor(unit);
  const to = base ? unitFactor(base) : null;
  if (!from || !to || from.kind !== to.kind) return null;
  return (value * from.factor) / to.factor;
}

/** PostgreSQL's parse_bool: 1/0, a prefix of true/false/yes/no, or of on/off (two letters at least). */
function boolOf(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (v === '1') return 'on';
  if (v === '0') return 'off';
  if (v === '') return null;
  for (const [word, value] of [
    ['true', 'on'],
    ['false', 'off'],
    ['yes', 'on'],
    ['no', 'off'],
  ] as const) {
    if (word.startsWith(v)) return value;
  }
  if (v.length >= 2 && 'on'.startsWith(v)) return 'on';
  if (v.length >= 2 && 'off'.startsWith(v)) return 'off';
  return null;
}

/** The kernel defaults the TCP keepalive GUCs report when left at 0 (they show the socket's value). */
export function osKeepaliveDefaults(): Record<string, string> {
  const read = (k: string) => readFileSync(`/proc/sys/net/ipv4/${k}`, 'utf8').trim();
  return {
    tcp_keepalives_idle: read('tcp_keepalive_time'),
    tcp_keepalives_interval: read('tcp_keepalive_intvl'),
    tcp_keepalives_count: read('tcp_keepalive_probes'),
  };
}

/**
 * Does the server's reading equal what the file says? `raw` is the file's effective value (undefined:
 * absent, so the built-in default applies), converted to the setting's base unit (`30s` → 30000 for
 * an ms GUC, a bare `60` stays 60 s for an s GUC). Returns null when equal, else an explanation.
 */
export function pgMismatch(
  raw: string | undefined,
  s: PgSetting,
  osDefaults: Record<string, string>,
): string | null {
  const shown = `${s.setting}${s.unit ? ` ${s.unit}` : ''} (source: ${s.source})`;
  if (raw === undefined) {
    if (s.source === 'default' || s.source === 'override') return null;
    return `absent from the file, yet the server reports ${shown}`;
  }
  let expected: string | null = null;
  let equal = false;
  if (s.vartype === 'integer' || s.vartype === 'real') {
    const n = numberIn(raw, s.unit);
    if (n === null) return `cannot read "${raw}" as a ${s.vartype} in ${s.unit ?? 'no unit'}`;
    let want = s.vartype === 'integer' ? Math.round(n) : n;
    // The TCP keepalive GUCs show the socket's value: 0 means the kernel's default.
    const os = osDefaults[s.name];
    if (want === 0 && os !== undefined) want = Number(os);
    expected = `${want}${s.unit ? ` ${s.unit}` : ''}`;
    equal = Math.abs(Number(s.setting) - want) <= Math.abs(want) * 1e-9;
  } else if (s.vartype === 'bool') {
    expected = boolOf(raw) ?? `"${raw}"`;
    equal = expected === s.setting;
  } else if (s.vartype === 'enum') {
    expected = raw.trim().toLowerCase();
    equal = expected === s.setting.toLowerCase();
  } else {
    expected = raw;
    equal = raw === s.setting;
  }
  return equal ? null : `the file says "${raw}" (= ${expected}), the server reports ${shown}`;
}
