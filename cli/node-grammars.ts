import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GRAMMAR_FILES, type GrammarId } from '../wasm-parsers/grammars';
import type { GrammarSource } from '../wasm-parsers/parser-host';

const require = createRequire(import.meta.url);

/** Reads grammar WASM files from the installed npm packages. */
export const nodeGrammarSource: GrammarSource = {
  async loadGrammar(id: GrammarId) {
    const { pkg, file } = GRAMMAR_FILES[id];
    const root = dirname(require.resolve(`${pkg}/package.json`));
    return new Uint8Array(await readFile(join(root, file)));
  },
};
