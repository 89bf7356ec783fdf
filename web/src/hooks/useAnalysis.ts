import { useEffect, useRef } from 'react';
import { type AnalysisClient, createAnalysisClient } from '../analysis/analysisClient';
import type { FileRequest } from '../analysis/protocol';
import { TYPING_DEBOUNCE_MS } from '../lib/limits';
import { redactOptionsFor } from '../lib/redaction';
import { useAppStore } from '../store';
import { tabLabel } from '../store/filesSlice';

/**
 * Sends every input revision (text, format, environment, redaction and fix choices) to the worker, typing
 * debounced, with the other open tabs, and stores the newest results.
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
    const activeTabId = state.activeTabId;
    startChecking();
    const timer = setTimeout(
      async () => {
        // Hand-picked values become ranges of the text as it is now, so an edit never leaves one stale.
        const active = state.tabs.find((t) => t.id === activeTabId);
        // The other tabs are read together with this one: what a pgbouncer.ini or postgresql.conf
        // states changes how an application's config is read (and the other way round for counts).
        const others: FileRequest[] = state.tabs
          .filter((t) => t.id !== activeTabId && t.text !== '')
          .map((t) => ({
            tabId: t.id,
            text: t.text,
            filename: t.filename ?? undefined,
            format: t.formatOverride ?? undefined,
            label: tabLabel(t),
            redaction: redactOptionsFor(t.text, state),
            selection: t.fixSelection,
          }));
        const response = await client.current?.analyse({
          tabId: activeTabId,
          text,
          filename: filename ?? undefined,
          format: formatOverride ?? undefined,
          label: tabLabel({ filename, number: active?.number ?? 1 }),
          environment,
          optIn,
          redaction: redactOptionsFor(text, state),
          selection: fixSelection,
          others,
        });
        if (!response) return;
        const store = useAppStore.getState();
        if (!response.ok) {
          store.failChecking(
            revision,
            `The checker stopped (${response.message}). Edit the text to try again.`,
          );
          return;
        }
        const byTab = response.others.map((o) => ({
          id: o.tabId,
          text: others.find((t) => t.tabId === o.tabId)?.text ?? '',
          result: o.result,
        }));
        if (store.activeTabId === activeTabId) {
          store.finishChecking(revision, text, response.result);
          store.finishOtherTabs(byTab);
        } else {
          // Another tab was activated meanwhile: this result belongs to the tab that was analysed.
          store.finishOtherTabs([...byTab, { id: activeTabId, text, result: response.result }]);
        }
      },
      lastChange === 'edit' ? TYPING_DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [revision]);
}
