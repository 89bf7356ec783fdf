import { useEffect, useRef } from 'react';
import { type AnalysisClient, createAnalysisClient } from '../analysis/analysisClient';
import { TYPING_DEBOUNCE_MS } from '../lib/limits';
import { redactOptionsFor } from '../lib/redaction';
import { useAppStore } from '../store';

/**
 * Sends every input revision (text, format, environment, redaction and fix choices) to the worker, typing
 * debounced, and stores the newest result.
 */
export function useAnalysis(): void {
  const revision = useAppStore((s) => s.revision);
  const client = useRef<AnalysisClient | null>(null);

  useEffect(() => {
    const created = createAnalysisClient();
    client.current = created;
    return () => {
      created.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    const state = useAppStore.getState();
    const { text, filename, formatOverride, environment, optIn, fixSelection, lastChange, startChecking } =
      state;
    startChecking();
    const timer = setTimeout(
      async () => {
        // Hand-picked values become ranges of the text as it is now, so an edit never leaves one stale.
        const redaction = redactOptionsFor(text, state);
        const response = await client.current?.analyse({
          text,
          filename: filename ?? undefined,
          format: formatOverride ?? undefined,
          environment,
          optIn,
          redaction,
          selection: fixSelection,
        });
        if (!response) return;
        const store = useAppStore.getState();
        if (response.ok) store.finishChecking(revision, text, response.result);
        else
          store.failChecking(
            revision,
            `The checker stopped (${response.message}). Edit the text to try again.`,
          );
      },
      lastChange === 'edit' ? TYPING_DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [revision]);
}
