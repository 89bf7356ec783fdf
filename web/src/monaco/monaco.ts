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

// The editor worker computes diffs and word ranges; Vite bundles it as a same-origin module worker.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// Hands @monaco-editor/react this bundled copy, so it never falls back to loading Monaco from a CDN.
loader.config({ monaco });

export { monaco };
