/**
 * A realistic large TypeScript service for the #5 bench item: `lines` lines of ordinary service code
 * (typed handlers, SQL strings, helpers) with node-postgres pools, a postgres.js client, a Knex
 * instance and a TypeORM DataSource spread through it, some configured well and some not.
 */
export function typescriptService(lines: number, pools: number): string {
  const out: string[] = [
    "import { Pool, type PoolConfig } from 'pg';",
    "import postgres from 'postgres';",
    "import knex from 'knex';",
    "import { DataSource } from 'typeorm';",
    '',
    'interface Order {',
    '  id: string;',
    '  customerId: string;',
    '  totalCents: number;',
    '  createdAt: Date;',
    '}',
    '',
  ];
  const every = Math.max(1, Math.floor(lines / pools));
  let n = 0;
  while (out.length < lines) {
    if (out.length % every < 12 && n < pools) {
      const kind = n % 4;
      if (kind === 0) {
        out.push(
          `const config${n}: PoolConfig = {`,
          `  connectionString: process.env.DATABASE_URL_${n},`,
          `  max: ${5 + (n % 10)},`,
          n % 8 === 0 ? '  idleTimeoutMillis: 0,' : '  idleTimeoutMillis: 30_000,',
          '};',
          `export const pool${n} = new Pool(config${n});`,
        );
      } else if (kind === 1) {
        out.push(
          `export const sql${n} = postgres(process.env.PG_URL_${n} ?? 'postgres://app@db-${n}.internal/app', {`,
          `  max: ${10 + n},`,
          n % 3 === 0 ? '  idle_timeout: 20,' : '  idle_timeout: 0,',
          '});',
        );
      } else if (kind === 2) {
        out.push(
          `export const db${n} = knex({`,
          "  client: 'pg',",
          `  connection: { host: 'db-${n}.internal', database: 'app', user: 'app' },`,
          `  pool: { min: ${n % 2 ? 2 : 0}, max: 10 },`,
          '});',
        );
      } else {
        out.push(
          `export const source${n} = new DataSource({`,
          "  type: 'postgres',",
          `  host: 'db-${n}.internal',`,
          "  database: 'app',",
          '  entities: [],',
          '});',
        );
      }
      n++;
      continue;
    }
    const i = out.length;
    out.push(
      `export async function handler${i}(id: string): Promise<Order | null> {`,
      `  // Look the order up; ${i % 7 === 0 ? 'cached for a minute upstream' : 'no cache'}.`,
      `  const rows = await pool0.query<Order>('SELECT id, customer_id AS "customerId", total_cents AS "totalCents", created_at AS "createdAt" FROM orders WHERE id = $1', [id]);`,
      '  return rows.rows[0] ?? null;',
      '}',
      '',
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}
