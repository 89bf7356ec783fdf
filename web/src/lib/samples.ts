import type { FormatId } from '../../../engine/index';

/**
 * The gallery: one realistic file per supported stack, each with the name it has in a real project,
 * so format detection works from the name as it does for an opened file. Secrets in them are fake.
 * Only this list is in the first chunk; the texts load on the first click (see `loadSample`).
 */
export interface Sample {
  id: string;
  /** The stack, as the gallery groups it. */
  group: SampleGroup;
  title: string;
  /** The name the file opens with (the download keeps it); null for pasted text. */
  filename: string | null;
  /** The format the engine detects for it; `unknown` for the error traceback, which is triaged. */
  format: FormatId | 'unknown';
  /** The raw file under web/src/samples/. */
  file: string;
  /** Other files of the same deployment, opened as tabs after this one (which stays shown). */
  companions?: readonly SampleFile[];
}

export interface SampleFile {
  filename: string;
  format: FormatId;
  file: string;
}

export const SAMPLE_GROUPS = [
  'Python',
  'JavaScript / TypeScript',
  'Go',
  'Ruby',
  'JVM',
  'Servers',
  'Several files',
  'Errors',
] as const;
export type SampleGroup = (typeof SAMPLE_GROUPS)[number];

export const SAMPLES: readonly Sample[] = [
  {
    id: 'sqlalchemy',
    group: 'Python',
    title: 'SQLAlchemy + psycopg2',
    filename: 'db.py',
    format: 'python',
    file: 'sqlalchemy.py.txt',
  },
  {
    id: 'asyncpg',
    group: 'Python',
    title: 'asyncpg pool',
    filename: 'pool.py',
    format: 'python',
    file: 'asyncpg.py.txt',
  },
  {
    id: 'django',
    group: 'Python',
    title: 'Django DATABASES',
    filename: 'settings.py',
    format: 'python',
    file: 'django.py.txt',
  },
  {
    id: 'node-postgres',
    group: 'JavaScript / TypeScript',
    title: 'node-postgres Pool',
    filename: 'db.js',
    format: 'javascript',
    file: 'node-postgres.js.txt',
  },
  {
    id: 'knex',
    group: 'JavaScript / TypeScript',
    title: 'Knex knexfile',
    filename: 'knexfile.js',
    format: 'javascript',
    file: 'knex.js.txt',
  },
  {
    id: 'typeorm',
    group: 'JavaScript / TypeScript',
    title: 'TypeORM DataSource',
    filename: 'data-source.ts',
    format: 'typescript',
    file: 'typeorm.ts.txt',
  },
  {
    id: 'prisma',
    group: 'JavaScript / TypeScript',
    title: 'Prisma .env',
    filename: '.env',
    format: 'dotenv',
    file: 'prisma.env.txt',
  },
  { id: 'pgx', group: 'Go', title: 'pgx pgxpool', filename: 'db.go', format: 'go', file: 'pgx.go.txt' },
  {
    id: 'rails',
    group: 'Ruby',
    title: 'Rails database.yml',
    filename: 'database.yml',
    format: 'yaml',
    file: 'database.yml.txt',
  },
  {
    id: 'hikari-properties',
    group: 'JVM',
    title: 'Spring + HikariCP properties',
    filename: 'application.properties',
    format: 'properties',
    file: 'hikari.properties.txt',
  },
  {
    id: 'spring-yaml',
    group: 'JVM',
    title: 'Spring application.yml',
    filename: 'application.yml',
    format: 'yaml',
    file: 'spring.yml.txt',
  },
  {
    id: 'jdbc-url',
    group: 'JVM',
    title: 'JDBC URL (pgJDBC)',
    filename: 'jdbc.properties',
    format: 'properties',
    file: 'jdbc-url.properties.txt',
  },
  {
    id: 'quarkus',
    group: 'JVM',
    title: 'Quarkus datasource',
    filename: 'application.properties',
    format: 'properties',
    file: 'quarkus.properties.txt',
  },
  {
    id: 'pgbouncer',
    group: 'Servers',
    title: 'pgbouncer.ini',
    filename: 'pgbouncer.ini',
    format: 'pgbouncer-ini',
    file: 'pgbouncer.ini.txt',
  },
  {
    id: 'postgresql-conf',
    group: 'Servers',
    title: 'postgresql.conf',
    filename: 'postgresql.conf',
    format: 'postgresql-conf',
    file: 'postgresql.conf.txt',
  },
  {
    id: 'sysctl',
    group: 'Servers',
    title: 'Linux sysctl.conf',
    filename: 'sysctl.conf',
    format: 'sysctl',
    file: 'sysctl.conf.txt',
  },
  {
    id: 'compose',
    group: 'Servers',
    title: 'docker-compose with postgres -c',
    filename: 'docker-compose.yml',
    format: 'yaml',
    file: 'compose.yml.txt',
  },
  {
    id: 'configmap',
    group: 'Servers',
    title: 'Kubernetes ConfigMap with pgbouncer.ini',
    filename: 'pgbouncer-configmap.yaml',
    format: 'yaml',
    file: 'configmap.yml.txt',
  },
  {
    id: 'deployment',
    group: 'Several files',
    title: 'An app behind PgBouncer, with its pgbouncer.ini and postgresql.conf',
    filename: 'orders.py',
    format: 'python',
    file: 'deployment-app.py.txt',
    companions: [
      { filename: 'pgbouncer.ini', format: 'pgbouncer-ini', file: 'deployment-pgbouncer.ini.txt' },
      { filename: 'postgresql.conf', format: 'postgresql-conf', file: 'deployment-postgresql.conf.txt' },
    ],
  },
  {
    id: 'traceback',
    group: 'Errors',
    title: 'A pasted Python traceback',
    filename: null,
    format: 'unknown',
    file: 'traceback.txt',
  },
];

/** The sample's text; loads the texts' chunk on first use. */
export async function loadSample(sample: Pick<Sample, 'file'>): Promise<string> {
  const { SAMPLE_TEXTS } = await import('../samples/texts');
  const text = SAMPLE_TEXTS[sample.file];
  if (text === undefined) throw new Error(`no text for the sample file ${sample.file}`);
  return text;
}
