/** The OpenAI-compatible endpoints the settings offer; any other one is "custom". */
export type ProviderId = 'openai' | 'azure' | 'openrouter' | 'ollama' | 'lmstudio' | 'custom';

export interface Provider {
  id: ProviderId;
  label: string;
  /** The base URL the preset fills in; `RESOURCE` is for the person to replace. */
  baseURL: string;
  /** Local servers take any key or none. */
  keyRequired: boolean;
  modelHint: string;
  /** How to let this page's origin through the server's CORS check, when the server has such a setting. */
  corsHelp?: (origin: string) => string;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    keyRequired: true,
    modelHint: 'gpt-4.1-mini',
  },
  {
    // The v1 API takes the plain OpenAI client: the key goes in `Authorization: Bearer`, the model is
    // the deployment name, no api-version (learn.microsoft.com/azure/foundry/openai/api-version-lifecycle).
    id: 'azure',
    label: 'Azure OpenAI (v1 API)',
    baseURL: 'https://RESOURCE.openai.azure.com/openai/v1',
    keyRequired: true,
    modelHint: 'your deployment name',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    keyRequired: true,
    modelHint: 'openai/gpt-4.1-mini',
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseURL: 'http://localhost:11434/v1',
    keyRequired: false,
    modelHint: 'llama3.1',
    corsHelp: (origin) =>
      `start Ollama with OLLAMA_ORIGINS=${origin} (for example \`OLLAMA_ORIGINS=${origin} ollama serve\`)`,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseURL: 'http://localhost:1234/v1',
    keyRequired: false,
    modelHint: 'the model loaded in LM Studio',
    corsHelp: () => 'turn on "Enable CORS" in LM Studio\'s server settings',
  },
  {
    id: 'custom',
    label: 'Other OpenAI-compatible endpoint',
    baseURL: '',
    keyRequired: false,
    modelHint: 'model name',
  },
];

export function providerOf(id: ProviderId): Provider {
  return PROVIDERS.find((p) => p.id === id) ?? (PROVIDERS[PROVIDERS.length - 1] as Provider);
}

export type EndpointCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Hosts plain http may reach. Not `[::1]`: CSP source expressions have no IPv6 literal form (Chromium
 * ignores `http://[::1]:*` with a warning), so the page could never be allowed to connect to it.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * The origin of a base URL the page can reach: https anywhere, plain http only on this machine (the
 * static CSP allows nothing else, and a key sent over plain http to another machine could be read).
 */
export function checkEndpoint(baseURL: string): EndpointCheck {
  const trimmed = baseURL.trim();
  if (trimmed === '') return { ok: false, message: 'Enter the base URL of the endpoint.' };
  if (/\bRESOURCE\b/.test(trimmed)) {
    return { ok: false, message: 'Replace RESOURCE with the name of your Azure OpenAI resource.' };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'The base URL is not a valid URL (it should start with https://).' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The base URL must not contain a user name or password.' };
  }
  if (url.search || url.hash) {
    // A key pasted into a query string would end up in the address of every request.
    return { ok: false, message: 'The base URL must not have a query (?…) or a fragment (#…).' };
  }
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, origin: url.origin };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message:
        url.hostname === '[::1]'
          ? 'Use http://localhost or http://127.0.0.1 instead of [::1] (a security policy cannot name an IPv6 address).'
          : 'Plain http:// is only allowed for this machine (localhost, 127.0.0.1); use https://.',
    };
  }
  return { ok: false, message: 'The base URL must start with https:// (or http://localhost).' };
}
