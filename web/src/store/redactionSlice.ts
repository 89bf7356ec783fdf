import type { StateCreator } from 'zustand';
import type { RedactionKind } from '../../../engine/index';
import type { AppState } from './index';

/** A detected value the person chose to show as it is in anything shared. */
export interface UnredactedValue {
  value: string;
  kind: RedactionKind;
}

/**
 * What to hide in anything shared (the share link, the redacted download). The patched download
 * never sees these: it always carries the real values. Manual redactions are kept as the selected
 * values, not ranges, so edits cannot leave a range pointing at the wrong text; every occurrence in
 * the current text is hidden (see `redactOptionsFor`).
 */
export interface RedactionSlice {
  redactSecrets: boolean;
  redactInfrastructure: boolean;
  unredacted: UnredactedValue[];
  manualRedactions: string[];
  setRedactCategory(category: 'secrets' | 'infrastructure', on: boolean): void;
  unredact(value: string, kind: RedactionKind): void;
  redactAgain(value: string): void;
  addManualRedaction(value: string): void;
  removeManualRedaction(value: string): void;
}

/** Redaction options change what is shared, not the text: re-run at once, without the typing delay. */
const rerun = (s: AppState) => ({ revision: s.revision + 1, lastChange: 'load' as const });

export const createRedactionSlice: StateCreator<AppState, [], [], RedactionSlice> = (set) => ({
  redactSecrets: true,
  redactInfrastructure: false,
  unredacted: [],
  manualRedactions: [],
  setRedactCategory: (category, on) =>
    set((s) => ({
      ...(category === 'secrets' ? { redactSecrets: on } : { redactInfrastructure: on }),
      ...rerun(s),
    })),
  unredact: (value, kind) =>
    set((s) => {
      if (value === '' || s.unredacted.some((u) => u.value === value)) return {};
      return { unredacted: [...s.unredacted, { value, kind }], ...rerun(s) };
    }),
  redactAgain: (value) =>
    set((s) => ({ unredacted: s.unredacted.filter((u) => u.value !== value), ...rerun(s) })),
  addManualRedaction: (raw) =>
    set((s) => {
      const value = raw.trim();
      if (value === '' || s.manualRedactions.includes(value)) return {};
      return {
        manualRedactions: [...s.manualRedactions, value],
        // Hiding a value by hand overrides an earlier "show it".
        unredacted: s.unredacted.filter((u) => u.value !== value),
        ...rerun(s),
      };
    }),
  removeManualRedaction: (value) =>
    set((s) => ({ manualRedactions: s.manualRedactions.filter((v) => v !== value), ...rerun(s) })),
});
