/**
 * A throwaway PostgreSQL on loopback for the driver checks: initdb into a temporary folder, start on a
 * free port, stop and delete afterwards. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user. Password auth (SCRAM) on 127.0.0.1, so DSNs with a password are exercised for real,
 * and TLS on (self-signed), so `sslmode=require` is too.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** `postgresql://user:password@127.0.0.1:port/database`, with an optional `+driver`. */
  url(driver?: string): string;
  /** Runs SQL with psql as the superuser and returns the unaligned output. */
  psql(sql: string): string;
  stop(): void;
}

const USER = 'staleproof';
const PASSWORD = 'fake-test-password';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) throw new Error('PostgreSQL is not installed: run scripts/system-deps.sh');
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
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

export async function startPostgres(): Promise<PgServer> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'staleproof-pg-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${PASSWORD}\n`);
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
    chownSync(pwfile, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    USER,
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  // TLS with a throwaway self-signed certificate, so `sslmode=require` / asyncpg `ssl=require` fixes
  // are exercised for real (no client here verifies the certificate; plain connections still work).
  const key = join(data, 'server.key');
  run('openssl', [
    'req',
    '-new',
    '-x509',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-keyout',
    key,
    '-out',
    join(data, 'server.crt'),
  ]);
  run('chmod', ['600', key]);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c ssl=on`,
    'start',
  ]);
  const server: PgServer = {
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    url: (driver) =>
      `postgresql${driver ? `+${driver}` : ''}://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    psql: (sql) => run('psql', ['-h', dir, '-p', String(port), '-U', USER, '-d', 'postgres', '-XAtc', sql]),
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return server;
}
