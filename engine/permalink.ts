import { type EnvironmentProfile, setEnvironmentValue } from '../core/environment';
import { MAX_INPUT_CHARS } from '../core/input';
import type { RedactedText } from '../core/redacted';
import { redact } from '../redaction/redact';
import { type FormatId, isFormatId } from '../wasm-parsers/formats';

/**
 * Permalinks keep the whole shared state in the URL fragment, which browsers never send to a server.
 * The payload is versioned: `#v1.` + base64url(deflate-raw(JSON)) for one file, `#v2.` for several
 * (a page that predates v2 says it was made by a newer staleproof instead of opening part of it).
 * New versions add a decoder here; old ones are kept so that links posted in an incident channel
 * keep opening.
 */

/** One file of a share link. */
export interface SharedFile {
  /** Only redacted text can be shared: the type makes raw user text a compile error here. */
  text: RedactedText;
  format?: FormatId;
  filename?: string;
  /** Finding ids whose fixes the sender chose; absent means the default (all safe fixes). */
  fixes?: string[];
  unsafe?: boolean;
}

export interface ShareState extends SharedFile {
  environment?: EnvironmentProfile;
  /** The sender also ran the opt-in advisories. */
  optIn?: boolean;
  /** The other open files (a `v2` link), in tab order after the first. */
  others?: SharedFile[];
  /** Which file was shown: 0 for the first. */
  active?: number;
}

/** Files one link may hold (the page's tab limit). */
export const MAX_LINK_FILES = 12;

/** Longer links break in chat tools and some browsers; a config that needs more should be attached. */
export const MAX_LINK_CHARS = 32_000;
/** A link may not inflate past this many bytes (a deflate bomb stops here). */
const MAX_INFLATED_BYTES = MAX_INPUT_CHARS * 3 + 64 * 1024;
const PREFIX_V1 = 'v1.';
/** Several files: `files` instead of the top-level file fields. Single-file links stay `v1`. */
const PREFIX_V2 = 'v2.';

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

function fileBody(file: SharedFile): Record<string, unknown> {
  const body: Record<string, unknown> = { text: file.text };
  if (file.format) body.format = file.format;
  if (file.filename) body.filename = file.filename;
  if (file.fixes) body.fixes = file.fixes;
  if (file.unsafe) body.unsafe = true;
  return body;
}

/** Encodes the state as a URL fragment (with its leading `#`). Throws PermalinkTooLongError. */
export async function encodePermalink(state: ShareState): Promise<string> {
  const several = (state.others?.length ?? 0) > 0;
  const body: Record<string, unknown> = several
    ? { files: [state, ...(state.others ?? [])].map(fileBody) }
    : fileBody(state);
  if (several && state.active) body.active = state.active;
  if (state.environment && Object.keys(state.environment).length > 0) body.environment = state.environment;
  if (state.optIn) body.optIn = true;
  const json = new TextEncoder().encode(JSON.stringify(body));
  const fragment = `#${several ? PREFIX_V2 : PREFIX_V1}${toBase64Url(await deflate(json))}`;
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
  const version = raw.startsWith(PREFIX_V1) ? 1 : raw.startsWith(PREFIX_V2) ? 2 : null;
  if (version === null) {
    const newer = /^v(\d+)\./.exec(raw)?.[1];
    return {
      ok: false,
      message: newer
        ? `This link was made by a newer staleproof (format v${newer}). Reload the page to get the latest version.`
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
  if (!isObject(body)) return { ok: false, message: BROKEN };
  let files: SharedFile[];
  let active = 0;
  if (version === 1) {
    const file = decodeFile(body);
    if (typeof file === 'string') return { ok: false, message: file };
    files = [file];
  } else {
    if (!Array.isArray(body.files) || body.files.length === 0 || body.files.length > MAX_LINK_FILES) {
      return { ok: false, message: BROKEN };
    }
    files = [];
    for (const entry of body.files) {
      const file = isObject(entry) ? decodeFile(entry) : BROKEN;
      if (typeof file === 'string') return { ok: false, message: file };
      files.push(file);
    }
    if (body.active !== undefined) {
      if (
        !Number.isInteger(body.active) ||
        (body.active as number) < 0 ||
        (body.active as number) >= files.length
      ) {
        return { ok: false, message: BROKEN };
      }
      active = body.active as number;
    }
  }
  const environment = validateEnvironment(body.environment);
  if (!environment)
    return {
      ok: false,
      message: 'This link describes its environment in a way staleproof does not understand.',
    };
  const [first, ...others] = files as [SharedFile, ...SharedFile[]];
  const state: ShareState = { ...first };
  if (others.length > 0) state.others = others;
  if (active > 0) state.active = active;
  if (Object.keys(environment).length > 0) state.environment = environment;
  if (body.optIn === true) state.optIn = true;
  return { ok: true, state };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One file of a link, checked field by field, or the message to show. The text is redacted again on
 * the way in, so a hand-made link cannot smuggle a secret into something the page would share onwards.
 */
function decodeFile(b: Record<string, unknown>): SharedFile | string {
  if (typeof b.text !== 'string' || b.text.length > MAX_INPUT_CHARS) return BROKEN;
  if (b.format !== undefined && (typeof b.format !== 'string' || !isFormatId(b.format))) {
    return `This link names a format staleproof does not know (${String(b.format)}).`;
  }
  if (b.filename !== undefined && (typeof b.filename !== 'string' || b.filename.length > 255)) return BROKEN;
  if (
    b.fixes !== undefined &&
    (!Array.isArray(b.fixes) || b.fixes.length > 10_000 || !b.fixes.every((f) => typeof f === 'string'))
  ) {
    return BROKEN;
  }
  const file: SharedFile = { text: redact(b.text).text };
  if (b.format) file.format = b.format as FormatId;
  if (b.filename) file.filename = b.filename as string;
  if (b.fixes) file.fixes = b.fixes as string[];
  if (b.unsafe === true) file.unsafe = true;
  return file;
}
