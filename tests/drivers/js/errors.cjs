/**
 * Produces real error output from the real libraries, for the triage check: what a person would paste.
 *   pg-idle-pool:   a pool without an 'error' listener whose idle client is terminated (Node exits)
 *   pg-client:      a connected Client without a listener, terminated while idle (Node exits)
 *   postgresjs-url: postgres.js with a Prisma URL parameter (the server refuses the connection)
 * TEST_PG = JSON {host, port, user, password, database}.
 */
'use strict';

const path = require('node:path');
const { createRequire } = require('node:module');

const requireFromRoot = createRequire(path.resolve(__dirname, '../../../package.json'));
const pg = requireFromRoot('pg');
const postgres = requireFromRoot('postgres');
const s = JSON.parse(process.env.TEST_PG || '{}');
const config = { host: s.host, port: s.port, user: s.user, password: s.password, database: s.database };

async function terminate(pid) {
  const killer = new pg.Client(config);
  await killer.connect();
  await killer.query('SELECT pg_terminate_backend($1)', [pid]);
  await killer.end();
}

async function main(mode) {
  if (mode === 'pg-idle-pool') {
    const pool = new pg.Pool(config);
    const client = await pool.connect();
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    client.release();
    await terminate(rows[0].pid);
  } else if (mode === 'pg-client') {
    const client = new pg.Client(config);
    await client.connect();
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0].pid);
  } else if (mode === 'postgresjs-url') {
    const url = `postgres://${s.user}:${s.password}@${s.host}:${s.port}/${s.database}?connection_limit=5`;
    const sql = postgres(url, { onnotice: () => {} });
    try {
      await sql`select 1`;
    } catch (err) {
      console.error(err.stack);
      process.exit(1);
    }
  }
  // Give the socket error time to arrive; a crash ends the process before this.
  setTimeout(() => process.exit(0), 3000);
}

main(process.argv[2]);
