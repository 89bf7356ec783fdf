import kotlinUrl from '@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm?url';
import tomlUrl from '@tree-sitter-grammars/tree-sitter-toml/tree-sitter-toml.wasm?url';
import yamlUrl from '@tree-sitter-grammars/tree-sitter-yaml/tree-sitter-yaml.wasm?url';
import iniUrl from '@vscode/tree-sitter-wasm/wasm/tree-sitter-ini.wasm?url';
import bashUrl from 'tree-sitter-bash/tree-sitter-bash.wasm?url';
import goUrl from 'tree-sitter-go/tree-sitter-go.wasm?url';
import javaUrl from 'tree-sitter-java/tree-sitter-java.wasm?url';
import javascriptUrl from 'tree-sitter-javascript/tree-sitter-javascript.wasm?url';
import propertiesUrl from 'tree-sitter-properties/tree-sitter-properties.wasm?url';
import pythonUrl from 'tree-sitter-python/tree-sitter-python.wasm?url';
import rubyUrl from 'tree-sitter-ruby/tree-sitter-ruby.wasm?url';
import tsxUrl from 'tree-sitter-typescript/tree-sitter-tsx.wasm?url';
import typescriptUrl from 'tree-sitter-typescript/tree-sitter-typescript.wasm?url';
import runtimeUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import type { GrammarSource } from '../../../engine/index';
import type { GrammarId } from '../../../wasm-parsers/grammars';

/**
 * Asset URLs only: Vite emits each `.wasm` as its own file on our origin, and nothing is fetched
 * until the engine first asks for that grammar. The paths mirror GRAMMAR_FILES (wasm-parsers/grammars).
 */
const GRAMMAR_URLS: Record<GrammarId, string> = {
  python: pythonUrl,
  javascript: javascriptUrl,
  typescript: typescriptUrl,
  tsx: tsxUrl,
  java: javaUrl,
  properties: propertiesUrl,
  yaml: yamlUrl,
  ini: iniUrl,
  go: goUrl,
  ruby: rubyUrl,
  toml: tomlUrl,
  bash: bashUrl,
  kotlin: kotlinUrl,
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const browserGrammarSource: GrammarSource = {
  runtimeOptions: { locateFile: () => runtimeUrl },
  loadGrammar: (id) => fetchBytes(GRAMMAR_URLS[id]),
};
