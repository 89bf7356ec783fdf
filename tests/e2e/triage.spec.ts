import { SAMPLES } from '../../web/src/lib/samples';
import { expect, findingsRegion, openApp, pasteIntoEditor, test } from './helpers';

/** Error texts as the references quote them (python.md §1.1, jvm.md §1.1, js-go-ruby.md §1). */
const ERRORS = [
  {
    name: 'psycopg2 "server closed the connection unexpectedly"',
    text: `Traceback (most recent call last):
  File "/srv/app/worker.py", line 31, in run
    cur.execute("SELECT id FROM jobs WHERE state = 'queued'")
psycopg2.OperationalError: server closed the connection unexpectedly
	This probably means the server terminated abnormally
	before or while processing the request.
`,
    id: 'python.psycopg.server-closed',
    stack: 'Python',
    library: 'psycopg2 / psycopg',
    failure: 'A connection closed by the server or a middlebox was handed out.',
    line: 4,
    rule: 'python.sqlalchemy.pre-ping-missing',
    next: 'create_engine',
  },
  {
    name: 'asyncpg ConnectionDoesNotExistError',
    text: `Traceback (most recent call last):
  File "/app/main.py", line 18, in handler
    rows = await conn.fetch("SELECT 1")
asyncpg.exceptions.ConnectionDoesNotExistError: connection was closed in the middle of operation
`,
    id: 'python.asyncpg.closed-mid-operation',
    stack: 'Python',
    library: 'asyncpg',
    failure: 'A connection closed by the server or a middlebox was handed out.',
    line: 4,
    rule: 'python.asyncpg.inactive-lifetime',
    next: 'asyncpg.create_pool(...)',
  },
  {
    name: 'pgJDBC PSQLException I/O error',
    text: `org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.
	at org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)
	at org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:498)
	at com.zaxxer.hikari.pool.ProxyPreparedStatement.executeQuery(ProxyPreparedStatement.java:52)
Caused by: java.net.SocketException: Connection reset
	at java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:323)
`,
    id: 'jvm.pgjdbc.io-error',
    stack: 'JVM (Java, Kotlin)',
    library: 'pgJDBC',
    failure: 'A connection closed by the server or a middlebox was handed out.',
    line: 1,
    rule: 'jvm.pgjdbc.tcp-keepalive-missing',
    next: 'application.properties',
  },
  {
    name: 'node-postgres "Connection terminated unexpectedly"',
    text: `/app/node_modules/pg/lib/client.js:132
          const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

Error: Connection terminated unexpectedly
    at Connection.<anonymous> (/app/node_modules/pg/lib/client.js:132:73)
    at Object.onceWrapper (node:events:632:28)
    at Connection.emit (node:events:518:28)
    at Socket.<anonymous> (/app/node_modules/pg/lib/connection.js:63:12)
`,
    id: 'js.pg.connection-terminated',
    stack: 'JavaScript / TypeScript',
    library: 'node-postgres',
    failure: 'A connection closed by the server or a middlebox was handed out.',
    line: 2,
    rule: 'js.pg.keepalive-missing',
    next: 'new Pool({...})',
  },
] as const;

function triagePanel(page: import('@playwright/test').Page) {
  return findingsRegion(page).locator('section.triage');
}

for (const error of ERRORS) {
  test(`a pasted ${error.name} gets the triage panel, not a format question`, async ({ page }) => {
    await openApp(page);
    await pasteIntoEditor(page, error.text);

    const panel = triagePanel(page);
    await expect(panel).toHaveAttribute('data-triage', error.id);
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
      `${error.library} error (${error.stack})`,
    );
    await expect(panel.locator('[data-field="stack"]')).toHaveText(error.stack);
    await expect(panel.locator('[data-field="library"]')).toHaveText(error.library);
    await expect(panel.locator('[data-field="failure"]')).toHaveText(error.failure);
    await expect(panel.locator('[data-field="line"]')).toContainText(`Line ${error.line}:`);
    await expect(panel.locator('[data-field="next"]')).toContainText(error.next);
    // Only the panel: no plain "Unknown format" banner, no findings, nothing to download.
    await expect(findingsRegion(page).locator('.banner')).toHaveCount(0);
    await expect(page.getByTestId('format-detection')).toHaveText('Not detected: choose the format.');

    // A rule that addresses it, with its docs one click away.
    const rule = panel.locator(`li[data-rule="${error.rule}"]`);
    await expect(rule).toBeVisible();
    await rule.getByText('Docs', { exact: true }).click();
    await expect(rule.locator('.docs__body')).toContainText('What it checks');
    await expect(rule.locator('.docs__sources a').first()).toHaveAttribute('href', /^https:\/\//);
  });
}

test('"Clear the editor to paste it" empties the input and shows the samples again', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, ERRORS[0].text);
  const panel = triagePanel(page);
  await expect(panel).toBeVisible();

  await panel.getByRole('button', { name: 'Clear the editor to paste it' }).click();
  await expect(panel).toHaveCount(0);
  await expect(findingsRegion(page).getByText('Nothing to check: the input is empty.')).toBeVisible();
  await expect(findingsRegion(page).getByRole('heading', { name: 'Or open a sample' })).toBeVisible();
  // The editor has the focus, so the next paste goes straight in.
  await page.keyboard.insertText('engine = create_engine(DATABASE_URL)\n');
  await expect(page.getByTestId('format-detection')).toContainText('Python');
});

test('an error quoted in a config file with a name is linted as that config, not triaged', async ({
  page,
}) => {
  await openApp(page);
  await page.getByLabel('Open config files').setInputFiles({
    name: 'db.py',
    mimeType: 'text/x-python',
    buffer: Buffer.from(
      '# Fixes "server closed the connection unexpectedly" after failovers.\nengine = create_engine(DATABASE_URL, pool_size=10)\n',
    ),
  });
  await expect(
    findingsRegion(page).locator('li[data-rule="python.sqlalchemy.pre-ping-missing"]'),
  ).toBeVisible();
  await expect(triagePanel(page)).toHaveCount(0);
});

test('the traceback sample opens as pasted text and is triaged', async ({ page }) => {
  const sample = SAMPLES.find((s) => s.id === 'traceback');
  if (!sample) throw new Error('no traceback sample');
  await openApp(page);
  await findingsRegion(page).locator('[data-sample="traceback"]').click();

  const panel = triagePanel(page);
  await expect(panel).toHaveAttribute('data-triage', 'python.psycopg.server-closed');
  await expect(panel.locator('.triage__excerpt')).toContainText('server closed the connection unexpectedly');
  await expect(page.locator('.filename')).toHaveCount(0);
  // The SQLAlchemy wrapper line is recognised too and listed under the others, if any.
  await expect(panel.locator('li[data-rule="python.sqlalchemy.pre-ping-missing"]')).toBeVisible();
});
