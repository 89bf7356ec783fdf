import type { StateCreator } from 'zustand';
import type { ChatMessage } from '../../../prompts/explain';
import type { LlmError } from '../llm/errors';
import { type LlmSettings, loadLlm } from '../llm/settings';
import type { AppState } from './index';

/**
 * The request in flight or the last one's outcome. `messages` is exactly what is (or would be) sent,
 * so Retry sends it again and the consent step shows it.
 */
export type LlmTurn =
  | { status: 'idle' }
  | { status: 'consent'; messages: ChatMessage[] }
  | { status: 'streaming'; messages: ChatMessage[]; partial: string }
  | { status: 'stopped'; messages: ChatMessage[]; partial: string }
  | { status: 'failed'; messages: ChatMessage[]; partial: string; error: LlmError };

/**
 * "Explain with your own LLM key". The key lives here, in memory, unless the person chose "Remember
 * on this device" (llm/settings.ts); the session persistence (persist.ts) saves named fields only and
 * none of these, and no share link reads them.
 */
export interface LlmSlice {
  llmSettings: LlmSettings;
  llmKey: string;
  llmRemember: boolean;
  /** The conversation so far: the first request's messages, then answers and follow-ups. */
  llmThread: ChatMessage[];
  llmTurn: LlmTurn;
  setLlmSettings(patch: Partial<LlmSettings>): void;
  setLlmKey(key: string): void;
  setLlmRemember(remember: boolean): void;
  setLlmTurn(turn: LlmTurn): void;
  /** Appends streamed text to the turn in flight. */
  appendLlmDelta(text: string): void;
  /** The answer is complete: the request and its answer join the thread. */
  finishLlmTurn(): void;
  clearLlmThread(): void;
}

const stored = loadLlm();

export const createLlmSlice: StateCreator<AppState, [], [], LlmSlice> = (set) => ({
  llmSettings: stored.settings,
  llmKey: stored.key,
  llmRemember: stored.remember,
  llmThread: [],
  llmTurn: { status: 'idle' },
  setLlmSettings: (patch) => set((s) => ({ llmSettings: { ...s.llmSettings, ...patch } })),
  setLlmKey: (llmKey) => set({ llmKey }),
  setLlmRemember: (llmRemember) => set({ llmRemember }),
  setLlmTurn: (llmTurn) => set({ llmTurn }),
  appendLlmDelta: (text) =>
    set((s) =>
      s.llmTurn.status === 'streaming'
        ? { llmTurn: { ...s.llmTurn, partial: s.llmTurn.partial + text } }
        : {},
    ),
  finishLlmTurn: () =>
    set((s) =>
      s.llmTurn.status === 'streaming'
        ? {
            llmThread: [...s.llmTurn.messages, { role: 'assistant', content: s.llmTurn.partial }],
            llmTurn: { status: 'idle' },
          }
        : {},
    ),
  clearLlmThread: () => set({ llmThread: [], llmTurn: { status: 'idle' } }),
});
