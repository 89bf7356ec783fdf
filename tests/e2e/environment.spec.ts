import { expect, finding, insertedLines, openApp, pasteIntoEditor, RULE_ID, SNIPPET, test } from './helpers';

test('the environment profile takes the CLI names, says what is wrong, and keeps the analysis running', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET);
  await expect(finding(page, RULE_ID)).toBeVisible();

  await page.getByText('Environment', { exact: false }).first().click();
  await page.getByLabel('Where the database runs').selectOption('aurora');
  await page.getByLabel('Smallest NAT / load-balancer idle timeout (s)').fill('4min');
  await expect(page.getByRole('alert').filter({ hasText: 'whole number of seconds' })).toBeVisible();
  await page.getByLabel('Smallest NAT / load-balancer idle timeout (s)').fill('350');
  await expect(page.getByRole('alert').filter({ hasText: 'whole number of seconds' })).toHaveCount(0);
  await page.getByText('Library versions').click();
  await page.getByLabel('sqlalchemy', { exact: true }).fill('latest');
  await expect(page.getByRole('alert').filter({ hasText: 'is not a version' })).toBeVisible();
  await page.getByLabel('sqlalchemy', { exact: true }).fill('2.0.36');
  await expect(page.getByText('3 set')).toBeVisible();

  // Every change re-runs the analysis with the profile; the finding stays.
  await expect(finding(page, RULE_ID)).toBeVisible();
});

test('a preset fills in the documented middlebox timeout, shows its sources, and the fixes follow it', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, SNIPPET.replace('    pool_recycle=200,\n', ''));
  const diff = page.getByTestId('diff');
  await expect.poll(() => insertedLines(diff)).toContain('    pool_recycle=200,');

  await page.getByText('Environment', { exact: false }).first().click();
  await page.getByLabel('Network path or service').selectOption('aws-nlb');
  const facts = page.getByRole('list', { name: /AWS Network Load Balancer preset rests on/ });
  await expect(facts).toContainText('350 s');
  await expect(facts.getByRole('link').first()).toHaveAttribute(
    'href',
    /^https:\/\/docs\.aws\.amazon\.com\//,
  );
  await expect(page.getByLabel('Smallest NAT / load-balancer idle timeout (s)')).toHaveAttribute(
    'placeholder',
    '350',
  );
  // 350 s minus the 40 s margin: the recycle fix now fits the load balancer's timeout.
  await expect.poll(() => insertedLines(diff)).toContain('    pool_recycle=310,');

  // A value typed by hand wins over the preset's.
  await page.getByLabel('Smallest NAT / load-balancer idle timeout (s)').fill('120');
  await expect.poll(() => insertedLines(diff)).toContain('    pool_recycle=80,');
});

test('"Behind PgBouncer" makes a connection with startup options a finding, whatever its host', async ({
  page,
}) => {
  await openApp(page);
  const config =
    'import os\nimport psycopg2\n\nconn = psycopg2.connect(host=os.environ["PGHOST"], dbname="app", options="-c statement_timeout=5000")\n';
  await pasteIntoEditor(page, config);
  await expect(finding(page, 'python.sqlalchemy.pre-ping-missing')).toHaveCount(0);
  await expect(finding(page, 'python.libpq.options-through-pgbouncer')).toHaveCount(0);

  await page.getByText('Environment', { exact: false }).first().click();
  await page.getByLabel('Behind PgBouncer').selectOption('true');
  await expect(finding(page, 'python.libpq.options-through-pgbouncer')).toContainText(
    'the environment says connections go through it',
  );
});

test("the endpoint's DNS TTL: the Aurora preset shows 5 s, PgBouncer's DNS cache is held to it, and a typed value wins", async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(
    page,
    '[pgbouncer]\nlisten_addr = 0.0.0.0\nlisten_port = 6432\npool_mode = transaction\n',
  );
  const rule = 'pgbouncer.dns-max-ttl-long';
  // Unknown TTL: PgBouncer's default 15 s cache is within the usual limit.
  await expect(finding(page, 'pgbouncer.keepalive-timers-unset')).toBeVisible();
  await expect(finding(page, rule)).toHaveCount(0);

  await page.getByText('Environment', { exact: false }).first().click();
  const ttl = page.getByLabel('DNS TTL of the database endpoint (s)');
  await expect(ttl).toHaveAttribute('placeholder', 'e.g. 5');
  await page.getByLabel('Network path or service').selectOption('aurora');
  await expect(ttl).toHaveAttribute('placeholder', '5');
  await expect(page.getByText('From the preset: 5 s.')).toBeVisible();
  await expect(finding(page, rule)).toContainText("endpoint record's TTL of 5 s");
  const diff = page.getByTestId('diff');
  await expect.poll(() => insertedLines(diff)).toContain('dns_max_ttl = 5');

  await ttl.fill('5s');
  await expect(page.getByRole('alert').filter({ hasText: 'dnsTtlSeconds' })).toBeVisible();
  // A record TTL longer than PgBouncer's default: nothing to shorten.
  await ttl.fill('60');
  await expect(page.getByRole('alert').filter({ hasText: 'dnsTtlSeconds' })).toHaveCount(0);
  await expect(finding(page, rule)).toHaveCount(0);
});
