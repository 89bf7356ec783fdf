import { describe, expect, it } from 'vitest';
import {
  classifyConnection,
  classifyHttp,
  durationSeconds,
  retryAfterOf,
  scrubKey,
  streamCut,
} from './errors';
import { checkEndpoint, providerOf } from './providers';

const KEY = 'sk-test-FAKEkey0123456789abcdefXYZ';
const CONTEXT = { model: 'gpt-test', endpoint: 'https://llm.example.test/v1', key: KEY };

describe('scrubKey', () => {
  it('hides the key and every piece of it of 8 or more characters', () => {
    expect(scrubKey(`bad key ${KEY} here`, KEY)).toBe('bad key [key hidden] here');
    // OpenAI echoes a masked key: its first characters and its last four.
    expect(scrubKey('Incorrect API key provided: sk-test-********************XYZ.', KEY)).toBe(
      'Incorrect API key provided: [key hidden]********************XYZ.',
    );
    expect(scrubKey('…0123456789ab…', KEY)).toBe('…[key hidden]…');
    expect(scrubKey('key ends in XYZ', KEY)).toBe('key ends in XYZ');
    expect(scrubKey(`${KEY}${KEY}`, KEY)).not.toContain('FAKEkey');
  });

  it('hides a short key only whole, and leaves text alone without a key', () => {
    expect(scrubKey('key abc1 refused', 'abc1')).toBe('key [key hidden] refused');
    expect(scrubKey('nothing to hide', '')).toBe('nothing to hide');
  });
});

describe('retry time', () => {
  it('reads Retry-After in seconds or as a date, else the later x-ratelimit-reset', () => {
    expect(retryAfterOf({ 'Retry-After': '20' })).toBe('20 s');
    expect(retryAfterOf(new Headers({ 'retry-after': '90' }))).toBe('1 min 30 s');
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterOf({ 'retry-after': 'Thu, 01 Jan 2026 00:02:00 GMT' }, now)).toBe('2 min');
    expect(retryAfterOf({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' })).toBe(
      '6 min',
    );
    expect(retryAfterOf({})).toBeNull();
    expect(durationSeconds('20ms')).toBeCloseTo(0.02);
    expect(durationSeconds('1h2m3.5s')).toBeCloseTo(3723.5);
    expect(durationSeconds('soon')).toBeNull();
  });
});

describe('classifyHttp', () => {
  it('names each status specifically, with the model and the endpoint where they matter', () => {
    const bad = classifyHttp(
      { status: 401, serverMessage: `Incorrect API key provided: ${KEY.slice(0, 12)}****` },
      CONTEXT,
    );
    expect(bad.kind).toBe('bad-key');
    expect(bad.detail).not.toContain(KEY.slice(0, 12));
    expect(bad.detail).toContain('[key hidden]');
    const forbidden = classifyHttp({ status: 403 }, CONTEXT);
    expect(forbidden.kind).toBe('no-access');
    expect(forbidden.title).toContain('gpt-test');
    expect(forbidden.title).toContain(CONTEXT.endpoint);
    const missing = classifyHttp(
      { status: 404, serverMessage: 'The model `gpt-test` does not exist' },
      CONTEXT,
    );
    expect(missing.kind).toBe('not-found');
    expect(missing.title).toContain('gpt-test');
    expect(missing.detail).toContain('does not exist');
    const limited = classifyHttp({ status: 429, headers: { 'retry-after': '7' } }, CONTEXT);
    expect(limited.kind).toBe('rate-limit');
    expect(limited.title).toContain('7 s');
    expect(classifyHttp({ status: 429 }, CONTEXT).title).not.toContain('try again in');
    expect(classifyHttp({ status: 503 }, CONTEXT).kind).toBe('server');
    expect(classifyHttp({ status: 400 }, CONTEXT).kind).toBe('bad-request');
  });
});

describe('classifyConnection', () => {
  const page = 'https://staleproof.example';
  it('tells CORS (up, refuses this origin) from a server that cannot be reached', () => {
    const cors = classifyConnection({ reachable: true, blockedByCsp: false, pageOrigin: page }, CONTEXT);
    expect(cors.kind).toBe('cors');
    expect(cors.detail).toContain(`Access-Control-Allow-Origin: ${page}`);
    const ollama = classifyConnection(
      { reachable: true, blockedByCsp: false, pageOrigin: page, corsHelp: providerOf('ollama').corsHelp },
      CONTEXT,
    );
    expect(ollama.detail).toContain(`OLLAMA_ORIGINS=${page}`);
    const lmStudio = classifyConnection(
      { reachable: true, blockedByCsp: false, pageOrigin: page, corsHelp: providerOf('lmstudio').corsHelp },
      CONTEXT,
    );
    expect(lmStudio.detail).toContain('Enable CORS');
    expect(
      classifyConnection({ reachable: false, blockedByCsp: false, pageOrigin: page }, CONTEXT).kind,
    ).toBe('network');
    expect(classifyConnection({ reachable: false, blockedByCsp: true, pageOrigin: page }, CONTEXT).kind).toBe(
      'csp',
    );
  });

  it('a cut stream keeps what arrived and offers Retry', () => {
    expect(streamCut(CONTEXT).detail).toMatch(/kept below; use Retry/);
  });
});

describe('checkEndpoint', () => {
  it('allows https anywhere and plain http on this machine only', () => {
    expect(checkEndpoint('https://api.openai.com/v1')).toEqual({
      ok: true,
      origin: 'https://api.openai.com',
    });
    expect(checkEndpoint('http://localhost:11434/v1')).toEqual({
      ok: true,
      origin: 'http://localhost:11434',
    });
    expect(checkEndpoint('http://127.0.0.1:1234/v1')).toEqual({ ok: true, origin: 'http://127.0.0.1:1234' });
    expect(checkEndpoint('http://[::1]:8080/v1').ok).toBe(false);
    expect(checkEndpoint('http://10.0.0.5:11434/v1').ok).toBe(false);
    expect(checkEndpoint('https://RESOURCE.openai.azure.com/openai/v1').ok).toBe(false);
    expect(checkEndpoint('https://user:pw@example.com/v1').ok).toBe(false);
    expect(checkEndpoint('ftp://example.com').ok).toBe(false);
    expect(checkEndpoint('https://example.com/v1?key=abc').ok).toBe(false);
    expect(checkEndpoint('').ok).toBe(false);
  });
});
