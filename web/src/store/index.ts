import { create } from 'zustand';
import { type AnalysisSlice, createAnalysisSlice } from './analysisSlice';
import { createEnvironmentSlice, type EnvironmentSlice } from './environmentSlice';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createRedactionSlice, type RedactionSlice } from './redactionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/**
 * Plain, serialisable data only: parse trees live in the worker, Monaco models in the editor.
 * Nothing here is persisted: no localStorage, no sessionStorage.
 */
export type AppState = InputSlice & EnvironmentSlice & AnalysisSlice & RedactionSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInputSlice(...a),
  ...createEnvironmentSlice(...a),
  ...createAnalysisSlice(...a),
  ...createRedactionSlice(...a),
  ...createUiSlice(...a),
}));
