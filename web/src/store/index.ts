import { create } from 'zustand';
import { type AnalysisSlice, createAnalysisSlice } from './analysisSlice';
import { createInputSlice, type InputSlice } from './inputSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** Plain, serialisable data only: parse trees live in the worker, Monaco models in the editor. */
export type AppState = InputSlice & AnalysisSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createInputSlice(...a),
  ...createAnalysisSlice(...a),
  ...createUiSlice(...a),
}));
