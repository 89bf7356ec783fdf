import { type EnvironmentProfile, setEnvironmentValue } from '../core/environment';
import { MAX_INPUT_CHARS } from '../core/input';
import type { RedactedText } from '../core/redacted';
import { redact } from '../redaction/redact';
import { type FormatId, isFormatId } from '../wasm-parsers/formats';

/**
 * Permalinks keep the whole shared state in the URL fragment, which browsers never send to a server.
 * The payload is versioned: `#v1.` + base64url(deflate-raw(JSON)). New versions add a decoder here;
 * old ones are kept so that links posted in an incident channel keep opening.
 */

export interface ShareState {
  /** Only redacted text can be shared: the type makes raw user text a compile error here. */
  text: RedactedText;
  format?: FormatId;
  filename?: string;
  environment?: EnvironmentProfile;
  /** Finding ids whose fixes the sender chose; absent means the default (all safe fixes). */
  fixes?: string[];
  unsafe?: boolean;
  /** The sender also ran the opt-in advisories. */
  optIn?: boolean;
}

/** Longer links break in chat tools and some browsers; a config that needs more should be attached. */
export const MAX_LINK_CHARS = 32_000;
/** A link may not inflate past this many bytes (a deflate bomb stops here). */
const MAX_INFLATED_BYTES = MAX_INPUT_CHARS * 3 + 64 * 1024;
const PREFIX_V1 = 'v1.';

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; message: string };

export class PermalinkTooLongError extends Error {
  constructor(readonly length: number) {
    super(
      `The link would be ${length.toLocaleString('en')} characters; links are limited to ${MAX_LINK_CHARS.toLocaleString('en')}. Share the part of the config that sets up the pool, or download the redacted file instead.`,
    );
    this.name = 'PermalinkTooLongError';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates at most `limit` bytes; returns null for corrupt data or when the limit is passed. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Encodes the state as a URL fragment (with its leading `#`). Throws PermalinkTooLongError. */
export async function encodePermalink(state: ShareState): Promise<string> {
  const body: Record<string, unknown> = { text: state.text };
  if (state.format) body.format = state.format;
  if (state.filename) body.filename = state.filename;
  if (state.environment && Object.keys(state.environment).length > 0) body.environment = state.environment;
  if (state.fixes) body.fixes = state.fixes;
  if (state.unsafe) body.unsafe = true;
  if (state.optIn) body.optIn = true;
  const json = new TextEncoder().encode(JSON.stringify(body));
  const fragment = `#${PREFIX_V1}${toBase64Url(await deflate(json))}`;
  if (fragment.length > MAX_LINK_CHARS) throw new PermalinkTooLongError(fragment.length);
  return fragment;
}

function validateEnvironment(value: unknown): EnvironmentProfile | null {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let profile: EnvironmentProfile = {};
  try {
    for (const [key, raw] of Object.entries(value)) {
      if (key === 'versions') {
        if (typeof raw !== 'object' || raw === null) return null;
        for (const [lib, version] of Object.entries(raw)) {
          profile = setEnvironmentValue(profile, lib, String(version));
        }
      } else {
        profile = setEnvironmentValue(profile, key, String(raw));
      }
    }
  } catch {
    return null;
  }
  return profile;
}

const BROKEN = 'This link is damaged (it was probably cut off when it was copied). Ask for the full link.';

/**
 * Decodes a fragment (with or without `#`). Never throws: a damaged, oversized or unknown link gives
 * a message the page can show. The text is redacted again on the way in, so a hand-made link cannot
 * smuggle a secret into something the page would share onwards.
 */
export async function decodePermalink(fragment: string): Promise<DecodeResult> {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (raw.length === 0) return { ok: false, message: 'This link holds no shared config.' };
  if (raw.length > MAX_LINK_CHARS * 2) {
    return {
      ok: false,
      message: `This link is ${raw.length.toLocaleString('en')} characters long, more than staleproof opens.`,
    };
  }
  if (!raw.startsWith(PREFIX_V1)) {
    const version = /^v(\d+)\./.exec(raw)?.[1];
    return {
      ok: false,
      message: version
        ? `This link was made by a newer staleproof (format v${version}). Reload the page to get the latest version.`
        : 'This is not a staleproof share link.',
    };
  }
  const compressed = fromBase64Url(raw.slice(PREFIX_V1.length));
  if (!compressed) return { ok: false, message: BROKEN };
  const inflated = await inflate(compressed, MAX_INFLATED_BYTES);
  if (!inflated) return { ok: false, message: BROKEN };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, message: BROKEN };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: BROKEN };
  const b = body as Record<string, unknown>;
  if (typeof b.text !== 'string' || b.text.length > MAX_INPUT_CHARS) return { ok: false, message: BROKEN };
  if (b.format !== undefined && (typeof b.format !== 'string' || !isFormatId(b.format))) {
    return { ok: false, message: `This link names a format staleproof does not know (${String(b.format)}).` };
  }
  if (b.filename !== undefined && (typeof b.filename !== 'string' || b.filename.length > 255)) {
    return { ok: false, message: BROKEN };
  }
  const environment = validateEnvironment(b.environment);
  if (!environment)
    return {
      ok: false,
      message: 'This link describes its environment in a way staleproof does not understand.',
    };
  if (
    b.fixes !== undefined &&
    (!Array.isArray(b.fixes) || b.fixes.length > 10_000 || !b.fixes.every((f) => typeof f === 'string'))
  ) {
    return { ok: false, message: BROKEN };
  }
  const state: ShareState = { text: redact(b.text).text };
  if (b.format) state.format = b.format as FormatId;
  if (b.filename) state.filename = b.filename as string;
  if (Object.keys(environment).length > 0) state.environment = environment;
  if (b.fixes) state.fixes = b.fixes as string[];
  if (b.unsafe === true) state.unsafe = true;
  if (b.optIn === true) state.optIn = true;
  return { ok: true, state };
}
