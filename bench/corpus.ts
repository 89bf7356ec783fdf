/** Realistic Python inputs of a given size: several engines, comments, dict options, CRLF-free. */
const BLOCK = (i: number) => `
# --- service ${i} -------------------------------------------------------------
import os
from sqlalchemy import create_engine

ENGINE_OPTIONS_${i} = dict(pool_size=5, max_overflow=10, pool_timeout=30)

primary_${i} = create_engine(
    os.environ["DATABASE_URL_${i}"],
    pool_size=10,  # tuned for 4 workers
    pool_recycle=3600,
)
replica_${i} = create_engine(os.environ["REPLICA_URL_${i}"], **ENGINE_OPTIONS_${i})


def handler_${i}(event, context):
    with primary_${i}.connect() as conn:
        return conn.exec_driver_sql("SELECT 1").scalar()
`;

export function pythonCorpus(targetChars: number): string {
  let text = '';
  for (let i = 0; text.length < targetChars; i++) text += BLOCK(i);
  return text.slice(0, text.lastIndexOf('\n', targetChars) + 1) || text;
}

/** A Python module of about `lines` lines holding `engines` engines among ordinary code. */
export function pythonModule(lines: number, engines: number): string {
  const out: string[] = ['import os', 'from sqlalchemy import create_engine, text', ''];
  const per = Math.floor(lines / engines);
  for (let e = 0; e < engines; e++) {
    out.push(
      `engine_${e} = create_engine(`,
      `    os.environ["DATABASE_URL_${e}"],`,
      `    pool_size=${5 + (e % 5)},  # sized for the workers of service ${e}`,
      '    max_overflow=10,',
      ')',
      '',
    );
    for (let f = 0; out.length < (e + 1) * per; f++) {
      out.push(
        `def query_${e}_${f}(conn, limit=100):`,
        `    """Reads page ${f} of service ${e}."""`,
        `    rows = conn.execute(text("SELECT id, name FROM items_${e} LIMIT :n"), {"n": limit})`,
        '    return [dict(r._mapping) for r in rows]',
        '',
      );
    }
  }
  return `${out.join('\n')}\n`;
}
