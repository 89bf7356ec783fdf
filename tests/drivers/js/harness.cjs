/**
 * Runs one JavaScript / TypeScript fixture (or a patched version of it) with the real `pg`, `pg-pool`,
 * `postgres`, `sequelize`, `knex` and `typeorm` packages against the throwaway server, and prints what the libraries really use as
 * JSON (see report.ts). The fixture's code runs unchanged except for its connection target: every
 * host, port, user, password and database (in objects and URLs) points at the test server, and TLS
 * is turned off there (the test server has none). Every other option reaches the library as written.
 *
 * Usage: node harness.cjs FILE [BASE_DIR]   (TEST_PG = JSON {host, port, user, password, database})
 * FILE is CommonJS (`.cjs`, as the test transpiles fixtures once with the `typescript` package), or
 * .js / .ts, transpiled here the same way. Relative imports are resolved from BASE_DIR (the fixture's
 * folder, or its transpiled copy); packages other than pg / pg-pool / postgres / sequelize / knex /
 * typeorm / reflect-metadata are not available, so a fixture that needs them is "not runnable".
 * The ORMs run unchanged, but each is handed a recording copy of `pg` (Sequelize's `dialectModule`,
 * TypeORM's `driver`, Knex's `client.driver`), so the report shows the config each library really
 * passed to node-postgres and the sockets it opened. A module that only exports Knex configs
 * (knexfiles, per environment or not) or TypeORM options (ormconfig) gets them built with the real
 * library. `@prisma/adapter-pg` is a stand-in: like adapter-pg 7 it hands its options to a pg Pool
 * (no Prisma engine or client runs here).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const Module = require('node:module');

const root = path.resolve(__dirname, '../../..');
const requireFromRoot = Module.createRequire(path.join(root, 'package.json'));
const realPg = requireFromRoot('pg');
const RealPgPool = requireFromRoot('pg-pool');
const realPostgres = requireFromRoot('postgres');

const server = JSON.parse(process.env.TEST_PG || '{}');
const [file, baseDirArg] = process.argv.slice(2);
const baseDir = baseDirArg || path.dirname(file);

process.env.DATABASE_URL = `postgresql://${server.user}:${server.password}@${server.host}:${server.port}/${server.database}`;
process.env.PGHOST = server.host;
process.env.PGPORT = String(server.port);
process.env.PGUSER = server.user;
process.env.PGPASSWORD = server.password;
process.env.PGDATABASE = server.database;

/** Socket keepalive as the library set it, per socket, in call order. */
const keepaliveCalls = [];
const socketKeepalive = new WeakMap();
const originalSetKeepAlive = net.Socket.prototype.setKeepAlive;
net.Socket.prototype.setKeepAlive = function setKeepAlive(enable, delay) {
  const call = { enable: Boolean(enable), delay: delay === undefined ? null : delay };
  keepaliveCalls.push(call);
  socketKeepalive.set(this, call);
  return originalSetKeepAlive.call(this, enable, delay);
};

const uncaught = [];
process.on('uncaughtException', (err) => uncaught.push(String(err?.message)));
process.on('unhandledRejection', (err) => uncaught.push(String(err?.message)));
process.on('warning', (w) => {
  if (w.name === 'TimeoutOverflowWarning') warnings.push(w.message);
});
const warnings = [];

/** The test server in place of whatever authority the URL names; its query is kept, TLS turned off. */
function rewriteUrl(url) {
  const m = /^([a-z][a-z0-9+.-]*):\/\/[^/?#]*(\/[^?#]*)?(\?[^#]*)?/i.exec(url);
  if (!m) return url;
  const query = (m[3] || '')
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p && !/^(ssl|host|hostaddr|port|user|password|dbname)=/.test(p))
    .map((p) => (/^sslmode=/.test(p) ? 'sslmode=disable' : p));
  if (!query.some((p) => p.startsWith('sslmode='))) query.push('sslmode=disable');
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`;
  return `${m[1]}://${auth}@${server.host}:${server.port}/${server.database}?${query.join('&')}`;
}

function pgTarget(config) {
  if (typeof config === 'string') return rewriteUrl(config);
  const out = Object.assign({}, config || {});
  if (config && 'password' in config) out.password = config.password;
  if (typeof out.connectionString === 'string') out.connectionString = rewriteUrl(out.connectionString);
  out.host = server.host;
  out.port = server.port;
  out.user = server.user;
  out.password = server.password;
  out.database = server.database;
  out.ssl = false;
  return out;
}

/** The config as the fixture wrote it, with only plain values (no secrets: URLs are reduced to their query). */
function plain(config) {
  if (typeof config === 'string') return { connectionString: querySummary(config) };
  const out = {};
  for (const [k, v] of Object.entries(config || {})) {
    if (k === 'password') continue;
    if (k === 'connectionString' && typeof v === 'string') out[k] = querySummary(v);
    else if (typeof v === 'number' && !Number.isFinite(v)) out[k] = String(v);
    else if (v === null || ['number', 'string', 'boolean'].includes(typeof v)) out[k] = v;
    else out[k] = `<${typeof v}>`;
  }
  return out;
}

function querySummary(url) {
  const q = url.indexOf('?');
  const host = /:\/\/(?:[^@/]*@)?([^/?#]*)/.exec(url);
  return `host=${host ? host[1] : ''}${q >= 0 ? `&${url.slice(q + 1)}` : ''}`;
}

const instances = [];

class Pool extends realPg.Pool {
  constructor(options) {
    super(pgTarget(options));
    instances.push({ kind: 'pg.Pool', object: this, config: plain(options) });
  }
}
class Client extends realPg.Client {
  constructor(config) {
    super(pgTarget(config));
    instances.push({ kind: 'pg.Client', object: this, config: plain(config) });
  }
}
class PgPool extends RealPgPool {
  constructor(options, ClientClass) {
    super(pgTarget(options), ClientClass);
    instances.push({ kind: 'pg.Pool', object: this, config: plain(options) });
  }
}

const pgModule = Object.assign({}, realPg, { Pool, Client });

/** A copy of `pg` for one ORM instance: every Client / Pool it builds goes to the test server and is recorded. */
function recordingPg(owner) {
  class LibClient extends realPg.Client {
    constructor(config) {
      super(pgTarget(config));
      owner.pgClients.push({ config: plain(config), object: this });
    }
  }
  class LibPool extends realPg.Pool {
    constructor(options) {
      super(pgTarget(options));
      owner.pgPools.push({ config: plain(options), object: this });
    }
  }
  return Object.assign({}, realPg, { Client: LibClient, Pool: LibPool });
}

function ormInstance(kind, config) {
  const owner = { kind, object: null, config, pgClients: [], pgPools: [] };
  instances.push(owner);
  return owner;
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keeps an instance out of the report: a database other than PostgreSQL cannot run here. */
function notPostgres(owner) {
  instances.splice(instances.indexOf(owner), 1);
}

const KNEX_PG = ['pg', 'postgres', 'postgresql', 'pgnative'];

// The ORMs load only when a fixture asks for them (each costs a second of start-up).
const lazy = (load) => {
  let value;
  return () => {
    if (value === undefined) value = load();
    return value;
  };
};

const sequelizeModule = lazy(() => {
  const Real = requireFromRoot('sequelize');
  class Sequelize extends Real {
    constructor(...args) {
      const owner = ormInstance('sequelize', null);
      const last = args[args.length - 1];
      const options = isPlainObject(last) ? args.pop() : {};
      owner.config = { args: args.length, ...plain(options) };
      if (options.dialect !== undefined && options.dialect !== 'postgres') notPostgres(owner);
      // Logging would print on stdout, where the report goes; it is no part of what is tested.
      super(...args, Object.assign({}, options, { dialectModule: recordingPg(owner), logging: false }));
      owner.object = this;
    }
  }
  Sequelize.Sequelize = Sequelize;
  Sequelize.default = Sequelize;
  return Sequelize;
});

const knexModule = lazy(() => {
  const realKnex = requireFromRoot('knex');
  function knex(config) {
    const owner = ormInstance('knex', plain(config));
    if (!(isPlainObject(config) && KNEX_PG.includes(config.client))) notPostgres(owner);
    const k = realKnex(config);
    if (k.client?.driver) k.client.driver = recordingPg(owner);
    owner.object = k;
    return k;
  }
  return Object.assign(knex, realKnex, { knex, default: knex });
});

const typeormModule = lazy(() => {
  requireFromRoot('reflect-metadata');
  const realTypeorm = requireFromRoot('typeorm');
  class DataSource extends realTypeorm.DataSource {
    constructor(options) {
      const owner = ormInstance('typeorm', plain(options));
      if (options?.type !== 'postgres') notPostgres(owner);
      super(Object.assign({}, options, { driver: recordingPg(owner) }));
      owner.object = this;
    }
  }
  return new Proxy(realTypeorm, {
    get: (target, key) => (key === 'DataSource' ? DataSource : target[key]),
  });
});

/** Stand-in for `@prisma/adapter-pg`: adapter-pg 7 builds a pg Pool from the options it is given. */
class PrismaPg {
  constructor(config) {
    this.pool = new Pool(config);
  }
}

/** A module that only exports configs (a knexfile, an ormconfig): build them with the real library. */
function buildExportedConfigs(exports) {
  const seen = new Set();
  const visit = (value, depth) => {
    if (!isPlainObject(value) || seen.has(value) || depth > 2) return;
    seen.add(value);
    if (typeof value.client === 'string' && KNEX_PG.includes(value.client)) return void knexModule()(value);
    if (value.type === 'postgres') {
      const { DataSource } = typeormModule();
      return void new DataSource(value);
    }
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  visit(exports, 0);
}

function postgres(a, b) {
  let url = a;
  let options = b;
  if (a && typeof a === 'object') {
    options = a;
    url = undefined;
  }
  const original = {
    url: typeof url === 'string' ? querySummary(url) : url === undefined ? null : `<${typeof url}>`,
    options: plain(options),
  };
  const target = Object.assign({}, options || {});
  for (const k of [
    'host',
    'hostname',
    'port',
    'user',
    'username',
    'pass',
    'password',
    'database',
    'db',
    'path',
  ])
    delete target[k];
  target.ssl = false;
  target.onnotice = () => {};
  let sql;
  if (typeof url === 'string') sql = realPostgres(rewriteUrl(url), target);
  else
    sql = realPostgres(
      Object.assign(target, {
        host: server.host,
        port: server.port,
        user: server.user,
        pass: server.password,
        database: server.database,
      }),
    );
  instances.push({ kind: 'postgres', object: sql, config: original });
  return sql;
}
Object.assign(postgres, realPostgres);

const loaded = new Map();

/** ES modules and TypeScript to CommonJS, as the test does it (only needed when run by hand). */
function transpile(source, filename) {
  const ts = requireFromRoot('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      allowJs: true,
    },
  }).outputText;
}

function load(filename) {
  if (loaded.has(filename)) return loaded.get(filename).exports;
  const source = fs.readFileSync(filename, 'utf8');
  const outputText = filename.endsWith('.cjs') ? source : transpile(source, filename);
  const mod = new Module(filename, null);
  mod.filename = filename;
  mod.paths = [];
  mod.require = (spec) => resolveRequire(spec, path.dirname(filename));
  loaded.set(filename, mod);
  mod._compile(outputText, filename);
  return mod.exports;
}

function resolveRequire(spec, from) {
  if (spec === 'pg') return pgModule;
  if (spec === 'pg-pool') return PgPool;
  if (spec === 'postgres') return postgres;
  if (spec === 'sequelize') return sequelizeModule();
  if (spec === 'knex') return knexModule();
  if (spec === 'typeorm') return typeormModule();
  if (spec === 'reflect-metadata') return requireFromRoot('reflect-metadata');
  if (spec === '@prisma/adapter-pg') return { PrismaPg };
  if (spec.startsWith('node:') || Module.builtinModules.includes(spec)) return require(spec);
  if (spec.startsWith('.')) {
    const dir = from === path.dirname(file) ? baseDir : from;
    const base = path.resolve(dir, spec);
    const stem = base.replace(/\.(c?js|ts)$/, '');
    for (const candidate of [base, `${stem}.cjs`, `${stem}.ts`, `${stem}.js`, path.join(base, 'index.ts')]) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return load(candidate);
    }
  }
  const err = new Error(`the harness does not provide module '${spec}'`);
  err.code = 'MODULE_NOT_FOUND';
  throw err;
}

// Names a pasted snippet uses without importing them.
Object.assign(globalThis, { Pool, Client, pg: pgModule, postgres, PrismaPg, app: { locals: {} } });
for (const [name, get] of [
  ['Sequelize', sequelizeModule],
  ['knex', knexModule],
  ['DataSource', () => typeormModule().DataSource],
]) {
  Object.defineProperty(globalThis, name, { get, configurable: true });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function errorOf(err) {
  return { message: String(err?.message), code: err?.code ? String(err.code) : null };
}

const PG_OPTIONS = [
  'keepAlive',
  'keepAliveInitialDelayMillis',
  'connectionTimeoutMillis',
  'idleTimeoutMillis',
  'maxLifetimeSeconds',
  'max',
  'min',
  'query_timeout',
  'statement_timeout',
];

function pick(object, keys) {
  const out = {};
  for (const k of keys) {
    const v = object ? object[k] : undefined;
    out[k] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v === undefined ? null : v;
  }
  return out;
}

async function clientFacts(client) {
  const cp = client.connectionParameters;
  const stream = client.connection?.stream;
  const ka = stream ? socketKeepalive.get(stream) : undefined;
  const show = await client.query('SHOW statement_timeout');
  const sp = await client.query('SHOW search_path');
  return {
    keepAlive: client.connection ? Boolean(client.connection._keepAlive) : null,
    keepAliveInitialDelayMillis: client.connection
      ? (client.connection._keepAliveInitialDelayMillis ?? null)
      : null,
    connectionTimeoutMillis: client._connectionTimeoutMillis,
    query_timeout: cp.query_timeout === undefined ? null : cp.query_timeout,
    socketKeepalive: ka || null,
    statement_timeout: show.rows[0].statement_timeout,
    search_path: sp.rows[0].search_path,
  };
}

/** What an ORM handed to node-postgres, and one of the clients it connected (its socket, its settings). */
async function ormPgFacts(instance, report) {
  // Sequelize opens (and closes) one client first to read the server version: take a live one.
  const live = instance.pgClients.filter((c) => c.object._connected && !c.object._ending);
  const built = instance.pgPools[0] ?? live[live.length - 1] ?? instance.pgClients[0];
  report.pgConfig = built ? built.config : null;
  let client = live[live.length - 1]?.object;
  let release = null;
  if (!client && instance.pgPools[0]) {
    client = await withTimeout(instance.pgPools[0].object.connect(), 15000, 'pool.connect');
    release = () => client.release();
  }
  if (!client) return;
  try {
    report.client = await clientFacts(client);
  } finally {
    if (release) release();
  }
}

async function inspect(instance) {
  const { kind, object } = instance;
  const report = { kind, config: instance.config, select1: null, error: null };
  try {
    if (kind === 'pg.Pool') {
      report.errorListeners = object.listenerCount('error');
      report.options = pick(object.options, PG_OPTIONS);
      const rows = await withTimeout(object.query('SELECT 1 AS one'), 15000, 'pool.query');
      report.select1 = rows.rows[0].one;
      const client = await withTimeout(object.connect(), 15000, 'pool.connect');
      try {
        report.client = await clientFacts(client);
      } finally {
        client.release();
      }
    } else if (kind === 'pg.Client') {
      report.errorListeners = object.listenerCount('error');
      report.options = pick(object.connectionParameters, ['query_timeout', 'statement_timeout']);
      if (!object._connecting && !object._connected)
        await withTimeout(object.connect(), 15000, 'client.connect');
      const rows = await withTimeout(object.query('SELECT 1 AS one'), 15000, 'client.query');
      report.select1 = rows.rows[0].one;
      report.client = await clientFacts(object);
    } else if (kind === 'sequelize') {
      const [rows] = await withTimeout(object.query('SELECT 1 AS one'), 15000, 'sequelize.query');
      report.select1 = rows[0].one;
      const pool = object.connectionManager.pool;
      report.pool = { min: pool.minSize, max: pool.maxSize, idle: pool.idleTimeoutMillis };
      await ormPgFacts(instance, report);
    } else if (kind === 'knex') {
      const result = await withTimeout(object.raw('select 1 as one'), 15000, 'knex.raw');
      report.select1 = result.rows[0].one;
      const pool = object.client.pool;
      report.pool = { min: pool.min, max: pool.max, idle: pool.idleTimeoutMillis };
      await ormPgFacts(instance, report);
    } else if (kind === 'typeorm') {
      if (!object.isInitialized) await withTimeout(object.initialize(), 15000, 'dataSource.initialize');
      const rows = await withTimeout(object.query('SELECT 1 AS one'), 15000, 'dataSource.query');
      report.select1 = rows[0].one;
      const pool = instance.pgPools[0]?.object;
      if (pool) report.pool = pick(pool.options, PG_OPTIONS);
      await ormPgFacts(instance, report);
    } else if (kind === 'postgres') {
      const before = keepaliveCalls.length;
      const rows = await withTimeout(object`select 1 as one`, 15000, 'sql`select 1`');
      report.select1 = rows[0].one;
      const o = object.options;
      report.options = {
        max: o.max,
        idle_timeout: o.idle_timeout,
        connect_timeout: o.connect_timeout,
        max_lifetime: typeof o.max_lifetime === 'function' ? 'default' : o.max_lifetime,
        keep_alive: o.keep_alive,
        prepare: o.prepare,
        connection: Object.keys(o.connection || {}),
      };
      const sp = await object`show search_path`;
      report.search_path = sp[0].search_path;
      report.socketKeepalive = keepaliveCalls.slice(before);
    }
  } catch (err) {
    report.error = errorOf(err);
  }
  return report;
}

async function close(instance) {
  try {
    if (instance.kind === 'postgres') await withTimeout(instance.object.end({ timeout: 0 }), 3000, 'end');
    else if (instance.kind === 'sequelize') await withTimeout(instance.object.close(), 3000, 'close');
    else if (instance.kind === 'knex') await withTimeout(instance.object.destroy(), 3000, 'destroy');
    else if (instance.kind === 'typeorm') {
      if (instance.object.isInitialized) await withTimeout(instance.object.destroy(), 3000, 'destroy');
    } else await withTimeout(instance.object.end(), 3000, 'end');
  } catch {
    // closing is best effort
  }
}

async function main() {
  const out = { ok: true, instances: [], error: null, warnings, uncaught };
  try {
    const exported = load(path.resolve(file));
    if (instances.length === 0) buildExportedConfigs(exported);
  } catch (err) {
    out.ok = false;
    out.error = `${err?.name ? err.name : 'Error'}: ${err?.message}`;
  }
  // Let top-level promises (a query the module fires) settle before inspecting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const instance of instances) out.instances.push(await inspect(instance));
  for (const instance of instances) await close(instance);
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
}

main();
