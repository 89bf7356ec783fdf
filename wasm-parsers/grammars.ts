/** The tree-sitter grammars staleproof ships, and where each package keeps its `.wasm`. */

export const GRAMMAR_IDS = [
  'python',
  'javascript',
  'typescript',
  'tsx',
  'java',
  'properties',
  'yaml',
  'ini',
  'go',
  'ruby',
  'toml',
  'bash',
  'kotlin',
] as const;
export type GrammarId = (typeof GRAMMAR_IDS)[number];

/** Package-relative location of each grammar's WASM file (npm package name, then file path). */
export const GRAMMAR_FILES: Record<GrammarId, { pkg: string; file: string }> = {
  python: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
  javascript: { pkg: 'tree-sitter-javascript', file: 'tree-sitter-javascript.wasm' },
  typescript: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  tsx: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
  java: { pkg: 'tree-sitter-java', file: 'tree-sitter-java.wasm' },
  properties: { pkg: 'tree-sitter-properties', file: 'tree-sitter-properties.wasm' },
  yaml: { pkg: '@tree-sitter-grammars/tree-sitter-yaml', file: 'tree-sitter-yaml.wasm' },
  ini: { pkg: '@vscode/tree-sitter-wasm', file: 'wasm/tree-sitter-ini.wasm' },
  go: { pkg: 'tree-sitter-go', file: 'tree-sitter-go.wasm' },
  ruby: { pkg: 'tree-sitter-ruby', file: 'tree-sitter-ruby.wasm' },
  toml: { pkg: '@tree-sitter-grammars/tree-sitter-toml', file: 'tree-sitter-toml.wasm' },
  bash: { pkg: 'tree-sitter-bash', file: 'tree-sitter-bash.wasm' },
  kotlin: { pkg: '@tree-sitter-grammars/tree-sitter-kotlin', file: 'tree-sitter-kotlin.wasm' },
};
