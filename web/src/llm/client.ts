import type { ChatMessage } from '../../../prompts/explain';

export interface ChatRequest {
  baseURL: string;
  /** '' for a local server that takes none: no Authorization header is sent then. */
  apiKey: string;
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  onDelta(text: string): void;
}

/** How a request ended, as plain data for llm/errors.ts. Never carries the SDK's objects or the key. */
export type ChatOutcome =
  | { kind: 'finished' }
  /** The stream ended with no finish_reason (no [DONE]), or broke after it had started. */
  | { kind: 'cut' }
  | { kind: 'aborted' }
  | { kind: 'http'; status: number; headers: Record<string, string>; serverMessage: string }
  | { kind: 'connection' };

/** The request body, as the consent step shows it and the SDK sends it. */
export function requestBody(model: string, messages: ChatMessage[]) {
  return { model, messages, stream: true as const };
}

/**
 * One streamed Chat Completions request with the `openai` SDK, loaded on first use (it is not in the
 * page's first chunk). `dangerouslyAllowBrowser`: the key is the person's own, typed into this page,
 * and goes only to the endpoint they chose; there is no server of ours to hide it behind. No retries:
 * a 429 is shown, not silently retried. Never throws.
 */
export async function streamChat(request: ChatRequest): Promise<ChatOutcome> {
  let OpenAI: typeof import('openai').default;
  let APIError: typeof import('openai').APIError;
  let APIUserAbortError: typeof import('openai').APIUserAbortError;
  let APIConnectionError: typeof import('openai').APIConnectionError;
  try {
    ({ default: OpenAI, APIError, APIUserAbortError, APIConnectionError } = await import('openai'));
  } catch {
    return { kind: 'connection' };
  }
  const client = new OpenAI({
    apiKey: request.apiKey || 'none',
    baseURL: request.baseURL.replace(/\/+$/, ''),
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: 10 * 60 * 1000,
    logLevel: 'off',
    // Without a key, no Authorization header at all (Ollama and LM Studio need none).
    ...(request.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
  });
  let started = false;
  let finished = false;
  try {
    const stream = await client.chat.completions.create(requestBody(request.model, request.messages), {
      signal: request.signal,
    });
    started = true;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      const text = choice?.delta?.content;
      if (text) request.onDelta(text);
      if (choice?.finish_reason) finished = true;
    }
    if (finished) return { kind: 'finished' };
    // The SDK ends the iteration quietly when its signal aborts.
    return request.signal.aborted ? { kind: 'aborted' } : { kind: 'cut' };
  } catch (error) {
    if (request.signal.aborted || error instanceof APIUserAbortError) return { kind: 'aborted' };
    if (
      error instanceof APIError &&
      typeof error.status === 'number' &&
      !(error instanceof APIConnectionError)
    ) {
      const headers: Record<string, string> = {};
      const received: unknown = error.headers;
      if (received instanceof Headers) {
        received.forEach((value, name) => {
          headers[name] = value;
        });
      }
      const body = error.error as { message?: unknown } | undefined;
      const serverMessage = typeof body?.message === 'string' ? body.message : error.message;
      return { kind: 'http', status: error.status, headers, serverMessage };
    }
    return started ? { kind: 'cut' } : { kind: 'connection' };
  }
}

/**
 * True when the endpoint's origin answers at all: a `no-cors` request cannot read the answer, but it
 * resolves when a server answered and rejects when nothing did. Tells a CORS refusal (the server is up
 * but refuses this page's origin) from a server that is not running.
 */
export async function reachable(origin: string): Promise<boolean> {
  try {
    await fetch(origin, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    return true;
  } catch {
    return false;
  }
}
