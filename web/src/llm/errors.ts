/**
 * What went wrong with a request, in words a person can act on. Pure functions (unit-tested): the
 * network code hands over what it saw, never the SDK's error objects, and every server text shown in
 * the page goes through `scrubKey` first.
 */

export type LlmErrorKind =
  | 'bad-key'
  | 'no-access'
  | 'not-found'
  | 'rate-limit'
  | 'server'
  | 'bad-request'
  | 'network'
  | 'cors'
  | 'csp'
  | 'cut';

export interface LlmError {
  kind: LlmErrorKind;
  /** One line: what happened. */
  title: string;
  /** What to do about it; may quote the server's own text, scrubbed of the key. */
  detail: string;
}

const HIDDEN = '[key hidden]';
/** The shortest piece of a key that is hidden on its own wherever it appears. */
const MIN_PIECE = 8;

/**
 * `text` with the key, and every piece of it of 8 or more characters, replaced by "[key hidden]". A
 * server that echoes a masked key (`sk-proj-****abcd`) still echoes its first characters. Keys
 * shorter than 8 characters are hidden only whole.
 */
export function scrubKey(text: string, key: string): string {
  if (key === '' || text === '') return text;
  if (key.length < MIN_PIECE) return text.split(key).join(HIDDEN);
  let out = '';
  let i = 0;
  while (i < text.length) {
    let length = 0;
    if (key.includes(text.slice(i, i + MIN_PIECE)) && i + MIN_PIECE <= text.length) {
      // Every piece of a piece of the key is a piece of the key: grow while it still matches.
      length = MIN_PIECE;
      while (i + length < text.length && key.includes(text.slice(i, i + length + 1))) length++;
    }
    if (length > 0) {
      out += HIDDEN;
      i += length;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

type HeaderBag = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  const bag = headers as Record<string, string | undefined>;
  const found = Object.keys(bag).find((k) => k.toLowerCase() === name);
  return found ? (bag[found] ?? null) : null;
}

/** `1s`, `6m0s`, `20ms`, `1h2m3.5s` (OpenAI's x-ratelimit-reset-*) in seconds, or null. */
export function durationSeconds(value: string): number | null {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return null;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * (unit[p[2] ?? 's'] ?? 1), 0);
}

/**
 * When to try again, in words, from `Retry-After` (seconds or an HTTP date) or OpenAI's
 * `x-ratelimit-reset-requests` / `-tokens` (the later of the two); null when the server said nothing.
 */
export function retryAfterOf(headers: HeaderBag, now: number = Date.now()): string | null {
  const retryAfter = header(headers, 'retry-after');
  let seconds: number | null = null;
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) seconds = Number(retryAfter.trim());
    else {
      const at = Date.parse(retryAfter);
      if (!Number.isNaN(at)) seconds = Math.max(0, (at - now) / 1000);
    }
  }
  if (seconds === null) {
    const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
      .map((name) => header(headers, name))
      .map((value) => (value ? durationSeconds(value) : null))
      .filter((value): value is number => value !== null);
    if (resets.length > 0) seconds = Math.max(...resets);
  }
  if (seconds === null) return null;
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export interface HttpFailure {
  status: number;
  headers?: HeaderBag;
  /** The server's own message, as it sent it. */
  serverMessage?: string;
}

export interface RequestContext {
  model: string;
  /** The base URL the request went to. */
  endpoint: string;
  key: string;
}

function serverSays(message: string | undefined, key: string): string {
  const text = scrubKey((message ?? '').trim(), key);
  if (text === '') return '';
  const short = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return ` The server said: “${short}”`;
}

/** An HTTP error answer, by status. */
export function classifyHttp(failure: HttpFailure, context: RequestContext): LlmError {
  const { status } = failure;
  const said = serverSays(failure.serverMessage, context.key);
  const where = `${context.endpoint}`;
  if (status === 401) {
    return {
      kind: 'bad-key',
      title: 'The endpoint refused the API key (401).',
      detail: `Check the key in the settings: it may be mistyped, revoked, or meant for another provider.${said}`,
    };
  }
  if (status === 403) {
    return {
      kind: 'no-access',
      title: `This key has no access to the model “${context.model}” at ${where} (403).`,
      detail: `Check that the key’s project or account may use this model, or choose another model.${said}`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not-found',
      title: `The model “${context.model}” or the endpoint ${where} was not found (404).`,
      detail: `Check the model name (for Azure: the deployment name) and the base URL (it usually ends in /v1).${said}`,
    };
  }
  if (status === 429) {
    const when = retryAfterOf(failure.headers);
    return {
      kind: 'rate-limit',
      title: when
        ? `Rate limit or quota reached (429): try again in ${when}.`
        : 'Rate limit or quota reached (429).',
      detail: `Nothing was retried automatically. Wait, then use Retry; if it keeps happening, check the account’s quota and billing.${said}`,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      title: `The endpoint failed to answer (${status}).`,
      detail: `This is on the provider’s side; try again in a moment.${said}`,
    };
  }
  return {
    kind: 'bad-request',
    title: `The endpoint refused the request (${status}).`,
    detail: `Check the model name and the base URL.${said}`,
  };
}

export interface ConnectionFailure {
  /** The endpoint's origin answered a `no-cors` probe: it is up but refused this page's origin. */
  reachable: boolean;
  /** The browser reported a CSP violation for the request (the endpoint is not the allowed one). */
  blockedByCsp: boolean;
  /** This page's origin, to name in the CORS advice. */
  pageOrigin: string;
  /** The provider's own way to allow an origin, when it has one. */
  corsHelp?: (origin: string) => string;
}

/** A request that got no HTTP answer at all. */
export function classifyConnection(failure: ConnectionFailure, context: RequestContext): LlmError {
  const endpoint = context.endpoint;
  if (failure.blockedByCsp) {
    return {
      kind: 'csp',
      title: `The page’s security policy blocked the request to ${endpoint}.`,
      detail:
        'Use “Allow” in the settings to let the page reach this endpoint (the page reloads; your text is kept).',
    };
  }
  if (failure.reachable) {
    const how = failure.corsHelp
      ? failure.corsHelp(failure.pageOrigin)
      : `configure it to send Access-Control-Allow-Origin: ${failure.pageOrigin} (and to answer the preflight OPTIONS request)`;
    return {
      kind: 'cors',
      title: `${endpoint} is running but refused requests from this page (CORS).`,
      detail: `Allow the origin ${failure.pageOrigin} on the server: ${how}.`,
    };
  }
  return {
    kind: 'network',
    title: `Could not reach ${endpoint}.`,
    detail:
      'The network is down, the address is wrong, or the server is not running. Check the base URL and your connection, then use Retry.',
  };
}

/** The answer stopped before the end (no finish_reason, no [DONE]). */
export function streamCut(context: RequestContext): LlmError {
  return {
    kind: 'cut',
    title: 'The answer was cut off before it finished.',
    detail: `The connection to ${context.endpoint} closed in the middle of the answer. What arrived is kept below; use Retry for a complete answer.`,
  };
}
