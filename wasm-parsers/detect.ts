import type { FormatId } from './formats';

export interface FormatDetection {
  format: FormatId | 'unknown';
  /** 0..1: 1 for an exact file name, less for guesses from content. */
  confidence: number;
  source: 'override' | 'filename' | 'content' | 'none';
  /** Why: which name or which signals decided, for the page's format picker. */
  reason: string;
}

/** Exact file names, then extensions. Matching ignores case and any directory part. */
const FILE_NAMES: ReadonlyArray<[RegExp, FormatId]> = [
  [/^pgbouncer\.ini$/, 'pgbouncer-ini'],
  [/^postgresql(\.auto)?\.conf$/, 'postgresql-conf'],
  // Named after the server even when renamed or copied: `pgbouncer-prod.ini`, `ng-x.postgresql.conf`.
  [/pgbouncer[\w.-]*\.(ini|conf)$/, 'pgbouncer-ini'],
  [/postgresql[\w.-]*\.conf$/, 'postgresql-conf'],
  [/sysctl[\w.-]*\.conf$/, 'sysctl'],
  [/^\.env(\..+)?$/, 'dotenv'],
  [/^(gemfile|rakefile)$/, 'ruby'],
];

const EXTENSIONS: Record<string, FormatId> = {
  py: 'python',
  pyi: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  go: 'go',
  rb: 'ruby',
  yml: 'yaml',
  yaml: 'yaml',
  properties: 'properties',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  sh: 'shell',
  bash: 'shell',
  env: 'dotenv',
};

/** Extensions that say "some config" but not which: content decides between these formats. */
const AMBIGUOUS_EXTENSIONS: Record<string, FormatId[]> = {
  conf: ['postgresql-conf', 'pgbouncer-ini', 'sysctl', 'ini'],
  ini: ['pgbouncer-ini', 'ini'],
  cfg: ['ini'],
};

interface Signal {
  format: FormatId;
  pattern: RegExp;
  weight: number;
  name: string;
}

/** Content signals. Weights add up per format; the best total above the threshold wins. */
const SIGNALS: readonly Signal[] = [
  {
    format: 'python',
    name: 'python import',
    pattern: /^\s*(from\s+[\w.]+\s+import\s|import\s+[\w.]+\s*$)/m,
    weight: 0.5,
  },
  { format: 'python', name: 'create_engine call', pattern: /\bcreate_(async_)?engine\s*\(/, weight: 0.6 },
  { format: 'python', name: 'python literal', pattern: /[=(,]\s*(True|False|None)\b/, weight: 0.3 },
  {
    format: 'python',
    name: 'python def',
    pattern: /^\s*(async\s+)?def\s+\w+\s*\(.*\)\s*(->\s*[^:]+)?:\s*$/m,
    weight: 0.5,
  },
  {
    format: 'python',
    name: 'python keyword argument',
    pattern: /\(\s*[\w."'\][]+,?\s*\n?\s*\w+=[^=]/,
    weight: 0.2,
  },
  { format: 'python', name: 'Django DATABASES', pattern: /^DATABASES\s*=\s*\{/m, weight: 0.7 },
  { format: 'python', name: 'os.environ', pattern: /\bos\.(environ|getenv)\b/, weight: 0.5 },
  {
    format: 'javascript',
    name: 'js declaration',
    pattern: /^\s*(const|let|var)\s+[\w{}\s,]+=/m,
    weight: 0.4,
  },
  { format: 'javascript', name: 'require()', pattern: /\brequire\(\s*['"][^'"]+['"]\s*\)/, weight: 0.6 },
  {
    format: 'javascript',
    name: 'ES import',
    pattern: /^\s*import\s+.+\s+from\s+['"][^'"]+['"];?\s*$/m,
    weight: 0.5,
  },
  {
    format: 'javascript',
    name: 'module.exports',
    pattern: /\bmodule\.exports\b|^\s*export\s+(default|const|function)\b/m,
    weight: 0.5,
  },
  {
    format: 'javascript',
    name: 'arrow or new',
    pattern: /=>|\bnew\s+(Pool|Client|Sequelize|DataSource)\s*\(/,
    weight: 0.4,
  },
  { format: 'javascript', name: 'process.env', pattern: /\bprocess\.env\b/, weight: 0.5 },
  {
    format: 'typescript',
    name: 'type annotation',
    pattern: /^\s*(const|let|var)\s+\w+\s*:\s*[A-Z]\w*(<[^>]*>)?\s*=/m,
    weight: 1.2,
  },
  {
    format: 'typescript',
    name: 'interface or type',
    pattern: /^\s*(export\s+)?(interface\s+\w+|type\s+\w+\s*=)/m,
    weight: 1.0,
  },
  { format: 'typescript', name: 'import type', pattern: /^\s*import\s+type\s/m, weight: 1.2 },
  {
    format: 'java',
    name: 'java import',
    pattern: /^\s*import\s+(static\s+)?[a-z][\w.]*\.[A-Z*][\w.*]*;\s*$/m,
    weight: 0.9,
  },
  {
    format: 'java',
    name: 'java declaration',
    pattern: /\b(public|private|protected)\s+(static\s+)?(final\s+)?[\w<>[\]]+\s+\w+\s*[({=;]/,
    weight: 0.7,
  },
  { format: 'java', name: 'java setter statement', pattern: /^\s*\w+\.set[A-Z]\w*\(.*\);\s*$/m, weight: 0.6 },
  { format: 'java', name: 'java new', pattern: /\b[A-Z]\w*\s+\w+\s*=\s*new\s+[A-Z]\w*\s*\(/, weight: 0.6 },
  {
    format: 'kotlin',
    name: 'kotlin val',
    pattern: /^\s*((private|internal|public)\s+)?val\s+\w+\s*[:=]/m,
    weight: 0.9,
  },
  {
    format: 'kotlin',
    name: 'kotlin fun',
    pattern: /^\s*((override|private|internal|public|suspend)\s+)*fun\s+[\w.<>]+\s*\(/m,
    weight: 1.0,
  },
  { format: 'kotlin', name: 'kotlin apply block', pattern: /\.apply\s*\{/, weight: 0.6 },
  {
    format: 'kotlin',
    name: 'kotlin import',
    pattern: /^\s*import\s+[a-z][\w.]*\.[A-Z*][\w.*]*\s*$/m,
    weight: 0.5,
  },
  { format: 'go', name: 'go package', pattern: /^package\s+\w+\s*$/m, weight: 1.2 },
  { format: 'go', name: 'go short declaration', pattern: /^\s*[\w, ]+\s*:=\s/m, weight: 0.5 },
  { format: 'go', name: 'go func', pattern: /^func\s+(\([^)]*\)\s*)?\w+\s*\(/m, weight: 0.8 },
  { format: 'ruby', name: 'ruby block', pattern: /\bdo\s*(\|[^|]*\|)?\s*$|^\s*end\s*$/m, weight: 0.5 },
  { format: 'ruby', name: 'ruby require', pattern: /^\s*require\s+['"][\w/-]+['"]\s*$/m, weight: 0.6 },
  {
    format: 'yaml',
    name: 'yaml mapping',
    pattern: /^[A-Za-z_][\w.-]*:\s*(#.*)?\r?\n[ ]+[A-Za-z_][\w.-]*:/m,
    weight: 0.9,
  },
  { format: 'yaml', name: 'yaml document or list', pattern: /^---\s*$|^\s*-\s+[\w.-]+:\s/m, weight: 0.5 },
  { format: 'yaml', name: 'yaml key', pattern: /^\s*[A-Za-z_][\w.-]*:\s+\S/m, weight: 0.3 },
  {
    format: 'properties',
    name: 'dotted property key',
    pattern: /^\s*[a-z][\w-]*(\.[\w-]+){1,}\s*[=:]\s*\S/m,
    weight: 0.6,
  },
  {
    format: 'properties',
    name: 'spring/hikari key',
    pattern: /^\s*(spring\.datasource|spring\.jpa|dataSource\.|hikari\.|jdbcUrl\s*=)/m,
    weight: 0.9,
  },
  {
    format: 'pgbouncer-ini',
    name: '[pgbouncer] or [databases] section',
    pattern: /^\s*\[(pgbouncer|databases|users|peers)\]\s*$/m,
    weight: 1.5,
  },
  {
    format: 'pgbouncer-ini',
    name: 'pgbouncer key',
    pattern:
      /^\s*(pool_mode|server_lifetime|server_idle_timeout|listen_port|auth_file|default_pool_size|max_client_conn)\s*=/m,
    weight: 0.8,
  },
  {
    format: 'postgresql-conf',
    name: 'postgresql.conf key',
    pattern:
      /^\s*#?\s*(shared_buffers|max_connections|listen_addresses|tcp_keepalives_(idle|interval|count)|tcp_user_timeout|idle_session_timeout|idle_in_transaction_session_timeout|wal_level|log_line_prefix|client_connection_check_interval)\s*=?/m,
    weight: 1.0,
  },
  { format: 'sysctl', name: 'sysctl key', pattern: /^\s*-?(net|kernel|vm|fs)\.[\w.]+\s*=/m, weight: 1.2 },
  { format: 'ini', name: 'ini section', pattern: /^\s*\[[\w:. -]+\]\s*$/m, weight: 0.5 },
  { format: 'ini', name: 'ini key', pattern: /^\s*[\w.]+\s*=\s*\S/m, weight: 0.2 },
  {
    format: 'toml',
    name: 'toml string value',
    pattern: /^\s*[\w-]+\s*=\s*("[^"]*"|\[.*\]|\{.*\})\s*$/m,
    weight: 0.3,
  },
  { format: 'dotenv', name: 'env assignment', pattern: /^(export\s+)?[A-Z][A-Z0-9_]*=\S*\s*$/m, weight: 0.5 },
  { format: 'shell', name: 'shebang', pattern: /^#!.*\b(ba|z|da)?sh\b/, weight: 1.5 },
];

/** Below this total, content detection says `unknown` rather than guess. */
const THRESHOLD = 0.5;

function basename(filename: string): string {
  const parts = filename.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function scoreContent(text: string, among?: readonly FormatId[]) {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const totals = new Map<FormatId, { score: number; names: string[] }>();
  for (const signal of SIGNALS) {
    if (among && !among.includes(signal.format)) continue;
    if (!signal.pattern.test(sample)) continue;
    const entry = totals.get(signal.format) ?? { score: 0, names: [] };
    entry.score += signal.weight;
    entry.names.push(signal.name);
    totals.set(signal.format, entry);
  }
  // TypeScript is JavaScript plus types: its signals count on top of the JavaScript ones.
  const ts = totals.get('typescript');
  const js = totals.get('javascript');
  if (ts && js) ts.score += js.score;
  return [...totals.entries()].sort((a, b) => b[1].score - a[1].score);
}

/**
 * Decides the format from an explicit override, the file name, or the content, in that order.
 * Never throws; says `unknown` when nothing is convincing.
 */
export function detectFormat(
  text: string,
  options: { filename?: string; format?: FormatId } = {},
): FormatDetection {
  if (options.format) {
    return { format: options.format, confidence: 1, source: 'override', reason: 'chosen by the user' };
  }
  if (options.filename) {
    const name = basename(options.filename);
    for (const [pattern, format] of FILE_NAMES) {
      if (pattern.test(name)) {
        return { format, confidence: 1, source: 'filename', reason: `file name ${name}` };
      }
    }
    if (/sysctl/.test(options.filename.toLowerCase()) && name.endsWith('.conf')) {
      return {
        format: 'sysctl',
        confidence: 0.95,
        source: 'filename',
        reason: `sysctl path ${options.filename}`,
      };
    }
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
    const ambiguous = AMBIGUOUS_EXTENSIONS[ext];
    if (ambiguous) {
      const [best] = scoreContent(text, ambiguous);
      if (best && best[1].score >= THRESHOLD) {
        return {
          format: best[0],
          confidence: 0.9,
          source: 'filename',
          reason: `.${ext} file with ${best[1].names.join(', ')}`,
        };
      }
    }
    const byExt = EXTENSIONS[ext];
    if (byExt) {
      return { format: byExt, confidence: 0.95, source: 'filename', reason: `.${ext} extension` };
    }
  }
  const ranked = scoreContent(text);
  const [best, second] = ranked;
  if (!best || best[1].score < THRESHOLD) {
    return { format: 'unknown', confidence: 0, source: 'none', reason: 'no convincing signal in the text' };
  }
  const margin = second ? best[1].score - second[1].score : best[1].score;
  const confidence = Math.min(0.9, 0.4 + best[1].score / 4 + margin / 4);
  return {
    format: best[0],
    confidence: Math.round(confidence * 100) / 100,
    source: 'content',
    reason: best[1].names.join(', '),
  };
}
