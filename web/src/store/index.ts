import { create } from 'zustand';
import { type AnalysisSlice, createAnalysisSlice } from './analysisSlice';
import { createEnvironmentSlice, type EnvironmentSlice } from './environmentSlice';
import { createFeelSlice, type FeelSlice } from './feelSlice';
import { createFilesSlice, type FilesSlice } from './filesSlice';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createLlmSlice, type LlmSlice } from './llmSlice';
import { createOfflineSlice, type OfflineSlice } from './offlineSlice';
import { createRedactionSlice, type RedactionSlice } from './redactionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/**
 * Plain, serialisable data only: parse trees live in the worker, Monaco models in the editor.
 * Nothing is kept in localStorage. This tab's sessionStorage (gone with the tab; a new tab starts
 * without it) keeps two things so an accidental reload loses nothing: the input (text with its real
 * values, file name, format override, environment inputs, redaction choices; see persist.ts, saved
 * by useSessionPersistence; never text over the input limit) and the theme override (by useTheme).
 * Results are not kept: they are recomputed.
 */
export type AppState = InputSlice &
  FilesSlice &
  EnvironmentSlice &
  AnalysisSlice &
  RedactionSlice &
  UiSlice &
  FeelSlice &
  OfflineSlice &
  LlmSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInputSlice(...a),
  ...createFilesSlice(...a),
  ...createEnvironmentSlice(...a),
  ...createAnalysisSlice(...a),
  ...createRedactionSlice(...a),
  ...createUiSlice(...a),
  ...createFeelSlice(...a),
  ...createOfflineSlice(...a),
  ...createLlmSlice(...a),
}));
