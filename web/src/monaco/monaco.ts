import { loader } from '@monaco-editor/react';
// The lean API entry: no language services, no TypeScript worker, no CDN. Features are opted into below.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/wordOperations/register';
// Only the languages of the formats staleproof reads; each tokenizer loads when first used.
import 'monaco-editor/languages/definitions/go/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/java/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/kotlin/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/ruby/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { useAppStore } from '../store';
import { resolvedTheme } from '../store/feelSlice';
// Accessible names for the diff editor's two sides (a Monaco bug leaves them empty).
import './a11y';

// The editor worker computes diffs and word ranges; Vite bundles it as a same-origin module worker.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// Hands @monaco-editor/react this bundled copy, so it never falls back to loading Monaco from a CDN.
loader.config({ monaco });

// Monaco's theme is global to the page: every editor and diff editor follows the page's light or dark theme.
// These are vs and vs-dark with every text colour at WCAG AA contrast (4.5:1) on every background it
// can sit on, the diff's inserted and removed highlights included (axe-core checks it in the browser).
monaco.editor.defineTheme('staleproof-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '1d6b1d' },
    { token: 'number', foreground: '06704b' },
    { token: 'type', foreground: '1d6a80' },
    { token: 'regexp', foreground: 'c40000' },
  ],
  colors: {
    'editor.placeholder.foreground': '#5a6472',
    'editorLineNumber.foreground': '#1f6272',
    'diffEditor.insertedLineBackground': '#eef8e6',
    'diffEditor.insertedTextBackground': '#ddf1cf',
    'diffEditor.removedLineBackground': '#fdeeee',
    'diffEditor.removedTextBackground': '#f9dada',
  },
});
monaco.editor.defineTheme('staleproof-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '8cc27a' },
    { token: 'keyword', foreground: '79b8ff' },
    { token: 'keyword.flow', foreground: 'd7a0d5' },
    { token: 'regexp', foreground: 'f08b8b' },
  ],
  colors: {
    'editor.placeholder.foreground': '#a4afbd',
    'editorLineNumber.foreground': '#9a9a9a',
    'diffEditor.insertedLineBackground': '#1a2b1f',
    'diffEditor.insertedTextBackground': '#203a28',
    'diffEditor.removedLineBackground': '#2e1a1c',
    'diffEditor.removedTextBackground': '#42232a',
  },
});

export function monacoTheme(): 'staleproof-light' | 'staleproof-dark' {
  return resolvedTheme(useAppStore.getState()) === 'dark' ? 'staleproof-dark' : 'staleproof-light';
}

const applyTheme = () => monaco.editor.setTheme(monacoTheme());
useAppStore.subscribe((state, previous) => {
  if (resolvedTheme(state) !== resolvedTheme(previous)) applyTheme();
});
// An editor created with a `theme` option (or given one by @monaco-editor/react right after creation)
// would reset the global theme: it is set again once the creating code has run, before the next paint.
monaco.editor.onDidCreateEditor(() => queueMicrotask(applyTheme));
monaco.editor.onDidCreateDiffEditor(() => queueMicrotask(applyTheme));
applyTheme();

export { monaco };
