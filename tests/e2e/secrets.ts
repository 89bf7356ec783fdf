/**
 * A Python config full of obviously fake secrets of several kinds, each with the value a leak check
 * looks for. None of them opens anything: they only have the shape of the real thing.
 */

export const DSN_PASSWORD = 'FakeDsnPass-7Q2x9v';
export const LIBPQ_PASSWORD = 'FakeLibpqPw-84kd2m';
export const PGPASSWORD = 'FakePgPass-31xa9z';
export const AWS_KEY_ID = 'AKIAZQFAKEKEYFORTEST';
export const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIiLCJuYW1lIjoiRmFrZSJ9.ZmFrZS1zaWduYXR1cmUtZm9yLXRlc3Rz';
const PEM_LINES = [
  'MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAfakeFAKEfakeFAKE',
  'notArealKeyNotArealKeyNotArealKeyNotArealKeyNotArealKey00000000',
];
export const RDS_HOST = 'mydb.abc123xyz.us-east-1.rds.amazonaws.com';
/** A word no detector knows, for redaction by hand. */
export const TEAM_NAME = 'zebracorn42';

/** Every planted secret; the PEM body line by line, since an editor shows it as separate lines. */
export const SECRETS: readonly string[] = [
  DSN_PASSWORD,
  LIBPQ_PASSWORD,
  PGPASSWORD,
  AWS_KEY_ID,
  JWT,
  ...PEM_LINES,
];

export const SECRET_CONFIG = `import os

from sqlalchemy import create_engine

# Fake values for a test; none of them opens anything.
DATABASE_URL = "postgresql://orders_app:${DSN_PASSWORD}@${RDS_HOST}:5432/orders"
LIBPQ_DSN = "host=10.20.30.40 port=5432 dbname=orders user=orders_app password=${LIBPQ_PASSWORD}"
os.environ["PGPASSWORD"] = "${PGPASSWORD}"
AWS_ACCESS_KEY_ID = "${AWS_KEY_ID}"
API_TOKEN = "${JWT}"
CLIENT_KEY = """-----BEGIN PRIVATE KEY-----
${PEM_LINES.join('\n')}
-----END PRIVATE KEY-----"""
${TEAM_NAME} = "orders team"

engine = create_engine(
    DATABASE_URL,
    pool_size=10,
    max_overflow=5,
)
`;

/** What the redaction panel should list: one row per placeholder, with its kind. */
export const EXPECTED_ROWS: ReadonlyArray<{ placeholder: string; kind: string }> = [
  { placeholder: 'REDACTED_PASSWORD_1', kind: 'password' },
  { placeholder: 'REDACTED_PASSWORD_2', kind: 'password' },
  { placeholder: 'REDACTED_PASSWORD_3', kind: 'password' },
  { placeholder: 'REDACTED_CLOUD_KEY_1', kind: 'cloud-key' },
  { placeholder: 'REDACTED_TOKEN_1', kind: 'token' },
  { placeholder: 'REDACTED_PRIVATE_KEY_1', kind: 'private-key' },
];
