import type { ProviderId } from './providers';

/**
 * Where the LLM settings live. public/csp-boot.js reads the same two keys, synchronously, before any
 * other script, to narrow the page's connect-src to the endpoint's origin: keep the names and the
 * `baseURL` field in step with it.
 *
 * - sessionStorage `staleproof.llm`: provider, base URL, model, "ask before sending". Never the key.
 * - localStorage `staleproof.llm.remembered`: only after "Remember on this device"; the same fields
 *   plus the key. "Forget" removes it.
 *
 * The session persistence of the input (store/persist.ts, key `staleproof.session`) never sees any of
 * this, and nothing here enters a share link.
 */
export const LLM_SESSION_KEY = 'staleproof.llm';
export const LLM_REMEMBER_KEY = 'staleproof.llm.remembered';
/** Set just before the "Allow" reload, so the page opens on the Explain tab again. */
export const LLM_REOPEN_KEY = 'staleproof.llm.reopen';

export interface LlmSettings {
  provider: ProviderId;
  baseURL: string;
  model: string;
  /** Show the full request and wait for "Send" before each request. */
  askBeforeSending: boolean;
}

export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  provider: 'openai',
  baseURL: 'https://api.openai.com/v1',
  model: '',
  askBeforeSending: true,
};

const PROVIDER_IDS = new Set(['openai', 'azure', 'openrouter', 'ollama', 'lmstudio', 'custom']);

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    return (kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage) ?? null;
  } catch {
    return null;
  }
}

function read(kind: 'session' | 'local', key: string): Record<string, unknown> | null {
  try {
    const raw = storage(kind)?.getItem(key);
    const data: unknown = raw ? JSON.parse(raw) : null;
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function settingsFrom(data: Record<string, unknown> | null): LlmSettings | null {
  if (!data) return null;
  const { provider, baseURL, model, askBeforeSending } = data;
  if (typeof provider !== 'string' || !PROVIDER_IDS.has(provider)) return null;
  if (typeof baseURL !== 'string' || typeof model !== 'string' || typeof askBeforeSending !== 'boolean')
    return null;
  return { provider: provider as ProviderId, baseURL, model, askBeforeSending };
}

export interface StoredLlm {
  settings: LlmSettings;
  /** The remembered key, or '' (a key typed in this tab lives in memory only). */
  key: string;
  remember: boolean;
}

/** What the page starts with: this tab's settings, else the remembered ones, else the defaults. */
export function loadLlm(): StoredLlm {
  const remembered = read('local', LLM_REMEMBER_KEY);
  const rememberedSettings = settingsFrom(remembered);
  const key = rememberedSettings && typeof remembered?.key === 'string' ? remembered.key : '';
  const settings =
    settingsFrom(read('session', LLM_SESSION_KEY)) ?? rememberedSettings ?? DEFAULT_LLM_SETTINGS;
  return { settings, key, remember: rememberedSettings !== null };
}

/** Saves the settings for this tab, and on this device too when `remember` is on (with the key). */
export function saveLlm(settings: LlmSettings, key: string, remember: boolean): void {
  try {
    storage('session')?.setItem(LLM_SESSION_KEY, JSON.stringify(settings));
  } catch {
    // The settings then last until the tab is reloaded.
  }
  try {
    if (remember) storage('local')?.setItem(LLM_REMEMBER_KEY, JSON.stringify({ ...settings, key }));
    else storage('local')?.removeItem(LLM_REMEMBER_KEY);
  } catch {
    // Storage refused: the key stays in memory only.
  }
}

/** "Forget": removes the remembered settings and key from this device. */
export function forgetLlm(): void {
  try {
    storage('local')?.removeItem(LLM_REMEMBER_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** True once after the "Allow" reload (and clears the mark). */
export function takeReopenMark(): boolean {
  try {
    const s = storage('session');
    if (s?.getItem(LLM_REOPEN_KEY) !== '1') return false;
    s.removeItem(LLM_REOPEN_KEY);
    return true;
  } catch {
    return false;
  }
}

export function setReopenMark(): void {
  try {
    storage('session')?.setItem(LLM_REOPEN_KEY, '1');
  } catch {
    // The page then opens on its default tab.
  }
}

/**
 * The origin the page's second CSP (written by public/csp-boot.js) lets `connect-src` reach besides
 * its own, or '' when it allows only the page's own origin. null when there is no such policy
 * (the dev server): then the static policy alone applies.
 */
export function allowedOrigin(): string | null {
  if (typeof document === 'undefined') return null;
  const meta = document.querySelector('meta[data-llm-origin]');
  return meta ? (meta.getAttribute('data-llm-origin') ?? '') : null;
}
