import type { GrammarId } from './grammars';

/**
 * A format is what the user's file is (a pgbouncer.ini, a Python module); a grammar is how we parse
 * it. Several formats share a grammar: pgbouncer.ini and generic INI files both parse as `ini`.
 */
export const FORMAT_IDS = [
  'python',
  'javascript',
  'typescript',
  'tsx',
  'java',
  'go',
  'ruby',
  'yaml',
  'properties',
  'toml',
  'ini',
  'pgbouncer-ini',
  'postgresql-conf',
  'sysctl',
  'dotenv',
  'shell',
  'kotlin',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export interface FormatInfo {
  id: FormatId;
  label: string;
  grammar: GrammarId;
  /** Monaco language id for highlighting in the page. */
  editorLanguage: string;
  /** Extension for a downloaded file when the input had no name. */
  defaultExtension: string;
}

export const FORMATS: Record<FormatId, FormatInfo> = {
  python: {
    id: 'python',
    label: 'Python',
    grammar: 'python',
    editorLanguage: 'python',
    defaultExtension: '.py',
  },
  javascript: {
    id: 'javascript',
    label: 'JavaScript',
    grammar: 'javascript',
    editorLanguage: 'javascript',
    defaultExtension: '.js',
  },
  typescript: {
    id: 'typescript',
    label: 'TypeScript',
    grammar: 'typescript',
    editorLanguage: 'typescript',
    defaultExtension: '.ts',
  },
  tsx: { id: 'tsx', label: 'TSX', grammar: 'tsx', editorLanguage: 'typescript', defaultExtension: '.tsx' },
  java: { id: 'java', label: 'Java', grammar: 'java', editorLanguage: 'java', defaultExtension: '.java' },
  go: { id: 'go', label: 'Go', grammar: 'go', editorLanguage: 'go', defaultExtension: '.go' },
  ruby: { id: 'ruby', label: 'Ruby', grammar: 'ruby', editorLanguage: 'ruby', defaultExtension: '.rb' },
  yaml: { id: 'yaml', label: 'YAML', grammar: 'yaml', editorLanguage: 'yaml', defaultExtension: '.yml' },
  properties: {
    id: 'properties',
    label: 'Java properties',
    grammar: 'properties',
    editorLanguage: 'ini',
    defaultExtension: '.properties',
  },
  toml: { id: 'toml', label: 'TOML', grammar: 'toml', editorLanguage: 'ini', defaultExtension: '.toml' },
  ini: { id: 'ini', label: 'INI', grammar: 'ini', editorLanguage: 'ini', defaultExtension: '.ini' },
  'pgbouncer-ini': {
    id: 'pgbouncer-ini',
    label: 'pgbouncer.ini',
    grammar: 'ini',
    editorLanguage: 'ini',
    defaultExtension: '.ini',
  },
  'postgresql-conf': {
    id: 'postgresql-conf',
    label: 'postgresql.conf',
    grammar: 'properties',
    editorLanguage: 'ini',
    defaultExtension: '.conf',
  },
  sysctl: {
    id: 'sysctl',
    label: 'sysctl.conf',
    grammar: 'properties',
    editorLanguage: 'ini',
    defaultExtension: '.conf',
  },
  dotenv: {
    id: 'dotenv',
    label: '.env',
    grammar: 'properties',
    editorLanguage: 'ini',
    defaultExtension: '.env',
  },
  kotlin: {
    id: 'kotlin',
    label: 'Kotlin',
    grammar: 'kotlin',
    editorLanguage: 'kotlin',
    defaultExtension: '.kt',
  },
  shell: { id: 'shell', label: 'Shell', grammar: 'bash', editorLanguage: 'shell', defaultExtension: '.sh' },
};

export function isFormatId(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}
