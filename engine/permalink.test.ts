import { describe, expect, it } from 'vitest';
import { redact } from '../redaction/redact';
import { decodePermalink, encodePermalink, MAX_LINK_CHARS, PermalinkTooLongError } from './permalink';

const CONFIG = `import os
from sqlalchemy import create_engine

engine = create_engine(
    "postgresql+psycopg2://app:fake-share-pw@db.internal:5432/app",
    pool_size=10,  # tuned for 4 workers
    max_overflow=5,
)
`;

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

describe('permalinks', () => {
  it('round-trips the whole state through a fragment, without the secret', async () => {
    const state = {
      text: redact(CONFIG).text,
      format: 'python' as const,
      filename: 'db.py',
      environment: {
        preset: 'aws-nlb' as const,
        middleboxIdleSeconds: 350,
        platform: 'rds' as const,
        versions: { sqlalchemy: '2.0.36' },
      },
      fixes: ['python.sqlalchemy.pre-ping-missing@63'],
      unsafe: true,
      optIn: true,
    };
    const fragment = await encodePermalink(state);
    expect(fragment).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
    expect(fragment).not.toContain('fake-share-pw');
    expect(Buffer.from(fragment.slice(4), 'base64url').toString('latin1')).not.toContain('fake-share-pw');
    expect(await decodePermalink(fragment)).toEqual({ ok: true, state });
  });

  it('keeps a 3 KB config well under 2,000 characters', async () => {
    let text = '';
    for (let i = 0; text.length < 3000; i++) {
      text += `engine_${i} = create_engine(os.environ["URL_${i}"], pool_size=${i + 5}, max_overflow=10)\n`;
    }
    const fragment = await encodePermalink({ text: redact(text).text, format: 'python' });
    expect(text.length).toBeGreaterThanOrEqual(3000);
    expect(fragment.length).toBeLessThan(2000);
  });

  it('refuses to make a link longer than the limit, with a message that says what to do', async () => {
    const random = Array.from({ length: 40_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');
    await expect(encodePermalink({ text: redact(random).text })).rejects.toBeInstanceOf(
      PermalinkTooLongError,
    );
    await expect(encodePermalink({ text: redact(random).text })).rejects.toThrow(
      /download the redacted file/,
    );
    expect(MAX_LINK_CHARS).toBeGreaterThan(2000);
  });

  it.each([
    ['', /holds no shared config/],
    ['#', /holds no shared config/],
    ['#hello', /not a staleproof share link/],
    ['#v9.abc', /newer staleproof \(format v9\)/],
    ['#v1.%%%%', /damaged/],
    ['#v1.AAAA', /damaged/],
  ])('gives a clear message for %j and never throws', async (fragment, message) => {
    const result = await decodePermalink(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('rejects a link that was cut off when copied', async () => {
    const fragment = await encodePermalink({ text: redact(CONFIG).text, format: 'python' });
    const result = await decodePermalink(fragment.slice(0, Math.floor(fragment.length / 2)));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('rejects an oversized link and a deflate bomb without inflating it all', async () => {
    expect(await decodePermalink(`#v1.${'A'.repeat(MAX_LINK_CHARS * 2 + 1)}`)).toMatchObject({ ok: false });
    const bomb = await deflateRaw(new TextEncoder().encode(`{"text":"${'a'.repeat(30_000_000)}"}`));
    const result = await decodePermalink(`#v1.${base64Url(bomb)}`);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('validates every field of a hand-made link', async () => {
    const make = async (body: unknown) =>
      decodePermalink(`#v1.${base64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(body))))}`);
    expect(await make({ text: 'a = 1', format: 'cobol' })).toMatchObject({ ok: false, message: /format/ });
    expect(await make({ text: 42 })).toMatchObject({ ok: false });
    expect(await make({ text: 'a', environment: { platform: 'heroku' } })).toMatchObject({ ok: false });
    expect(await make({ text: 'a', fixes: [1, 2] })).toMatchObject({ ok: false });
    expect(await make(['text'])).toMatchObject({ ok: false });
  });

  it('redacts the text of a hand-made link on the way in', async () => {
    const body = { text: 'url = "postgresql://app:fake-smuggled-pw@db/app"' };
    const fragment = `#v1.${base64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(body))))}`;
    const result = await decodePermalink(fragment);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.state.text).not.toContain('fake-smuggled-pw');
  });

  it('several files make a v2 link: every file with its own name, format and fixes, and the one shown', async () => {
    const ini = '[pgbouncer]\nclient_idle_timeout = 120\nauth_file = /etc/pgbouncer/userlist.txt\n';
    const state = {
      text: redact(CONFIG).text,
      format: 'python' as const,
      filename: 'db.py',
      fixes: ['python.sqlalchemy.pre-ping-missing@40'],
      others: [{ text: redact(ini).text, filename: 'pgbouncer.ini', unsafe: true }],
      active: 1,
      environment: { middleboxIdleSeconds: 350 },
    };
    const fragment = await encodePermalink(state);
    expect(fragment.startsWith('#v2.')).toBe(true);
    expect(await decodePermalink(fragment)).toEqual({ ok: true, state });
    // One file stays v1, so the links of older pages and the README's lengths do not change.
    expect((await encodePermalink({ text: redact(CONFIG).text, others: [] })).startsWith('#v1.')).toBe(true);
  });

  it('validates a hand-made v2 link: files, the active index, and each file redacted on the way in', async () => {
    const make = async (body: unknown) =>
      decodePermalink(`#v2.${base64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(body))))}`);
    expect(await make({ files: [] })).toMatchObject({ ok: false, message: /damaged/ });
    expect(await make({ files: Array.from({ length: 13 }, () => ({ text: 'a' })) })).toMatchObject({
      ok: false,
    });
    expect(await make({ files: [{ text: 'a' }, { text: 'b' }], active: 2 })).toMatchObject({ ok: false });
    expect(await make({ files: [{ text: 'a' }, { text: 'b', format: 'cobol' }] })).toMatchObject({
      ok: false,
      message: /format/,
    });
    expect(await make({ files: [{ text: 'a' }, 'b'] })).toMatchObject({ ok: false });
    const smuggled = await make({
      files: [{ text: 'a = 1' }, { text: 'url = "postgresql://u:fake-2nd-pw@db/x"' }],
    });
    expect(smuggled.ok && smuggled.state.others?.[0]?.text).not.toContain('fake-2nd-pw');
    expect(smuggled.ok && smuggled.state.others).toHaveLength(1);
  });

  it('accepts only redacted text at compile time', () => {
    // @ts-expect-error a plain string is not RedactedText: raw user text cannot be shared by mistake
    const attempt = () => encodePermalink({ text: 'postgresql://app:pw@db/app' });
    expect(typeof attempt).toBe('function');
  });
});
