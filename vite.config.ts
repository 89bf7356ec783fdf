import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offline, previewHeaders } from './web/vite/offline';

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  plugins: [
    react(),
    // Config files and Python up front (about 200 KB gzip of grammars); the code grammars, about 1 MB
    // gzip and 10 MB unpacked (Kotlin alone 3.4 MB), are cached the first time a page loads one.
    offline({ precacheGrammars: ['python', 'yaml', 'ini', 'properties', 'toml'] }),
    previewHeaders(),
  ],
  build: {
    outDir: process.env.STALEPROOF_DIST ?? '../dist',
    emptyOutDir: true,
    // A data: URL would be fetched by the worker, and grammars must stay lazy, separate files.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
    rolldownOptions: {
      // The page imports engine/index for FORMATS and RULES only; without this the tree-sitter
      // runtime, which only the worker runs, would ride along in the initial chunk.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]web-tree-sitter[\\/]/, sideEffects: false }],
      },
    },
  },
  worker: { format: 'es' },
});
