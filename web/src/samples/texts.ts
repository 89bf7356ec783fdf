/**
 * The samples' texts, one raw file each (kept as `.txt` so no linter or type checker reads them as
 * code). This module is its own chunk: the page loads it on the first click on a sample.
 */
const files = import.meta.glob<string>('./*.txt', { query: '?raw', import: 'default', eager: true });

/** Text by file name, e.g. `sqlalchemy.py.txt`. */
export const SAMPLE_TEXTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^\.\//, ''), text]),
);
