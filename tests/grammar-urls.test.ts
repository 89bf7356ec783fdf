/** The page's grammar URLs and Node's grammar files must name the same WASM files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAMMAR_FILES, GRAMMAR_IDS } from '../wasm-parsers/grammars';

const source = readFileSync(new URL('../web/src/analysis/browser-grammars.ts', import.meta.url), 'utf8');

describe('browser grammar source', () => {
  it.each(GRAMMAR_IDS)('imports the same %s grammar file that Node reads', (id) => {
    const { pkg, file } = GRAMMAR_FILES[id];
    const imported = new RegExp(`import (\\w+) from '${pkg}/${file}\\?url';`).exec(source);
    expect(imported, `${pkg}/${file}?url is not imported`).not.toBeNull();
    expect(source).toMatch(new RegExp(`\\b${id}: ${imported?.[1]},`));
  });
});
