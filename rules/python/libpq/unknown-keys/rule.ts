import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../../core/types';
import { parseConnectionString, removeParamEdit } from '../../../_lib/connection-string';
import { defineRule } from '../../../define-rule';
import { type LibpqSetting, libpqSites } from '../../_lib/libpq';
import { removeElementsEdits } from '../../_lib/remove-elements';
import { plainString } from '../../_lib/syntax';

/**
 * Every connection keyword libpq 15–17 knows (PostgreSQL docs, "Parameter Key Words"). Keys of newer
 * versions are here too: refusing them on older libpq is `python.libpq.version-gated-keys`'s job.
 */
const LIBPQ_KEYWORDS = new Set([
  'host',
  'hostaddr',
  'port',
  'dbname',
  'user',
  'password',
  'passfile',
  'require_auth',
  'channel_binding',
  'connect_timeout',
  'client_encoding',
  'options',
  'application_name',
  'fallback_application_name',
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'replication',
  'gssencmode',
  'sslmode',
  'requiressl',
  'sslnegotiation',
  'sslcompression',
  'sslcert',
  'sslkey',
  'sslpassword',
  'sslcertmode',
  'sslrootcert',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'requirepeer',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'krbsrvname',
  'gsslib',
  'gssdelegation',
  'service',
  'target_session_attrs',
  'load_balance_hosts',
  // psycopg2 and psycopg turn `database` (what SQLAlchemy passes) into dbname.
  'database',
]);

/** Keyword arguments the drivers (or SQLAlchemy's dialects) take for themselves, not libpq. */
const DRIVER_KEYWORDS = new Set([
  'connection_factory',
  'cursor_factory',
  'async',
  'async_',
  'autocommit',
  'prepare_threshold',
  'row_factory',
  'context',
]);

/** What people meant, for the keys most often copied from another driver's docs. */
const INSTEAD: Record<string, string> = {
  command_timeout:
    'libpq has no client-side statement timeout (that is asyncpg\'s command_timeout); the server-side one is options="-c statement_timeout=30000" (milliseconds), which PgBouncer refuses, and neither helps against a dead network (tcp_user_timeout does)',
  timeout: 'the libpq name is connect_timeout (seconds)',
  ssl: 'the libpq name is sslmode',
  server_settings: 'libpq takes server settings as options="-c name=value"',
  max_inactive_connection_lifetime:
    "this is an asyncpg pool option; SQLAlchemy's pool_recycle bounds connection age",
  pool_recycle: 'this is an engine option: pass it to create_engine() itself',
  pool_pre_ping: 'this is an engine option: pass it to create_engine() itself',
  statement_timeout: 'a server setting: options="-c statement_timeout=30000" (milliseconds)',
  keepalive: 'the libpq names are keepalives, keepalives_idle, keepalives_interval, keepalives_count',
  tcp_keepalive: 'the libpq names are keepalives, keepalives_idle, keepalives_interval, keepalives_count',
};

export default defineRule({
  id: 'python.libpq.unknown-keys',
  title: 'Connection parameter libpq does not know: every connect fails',
  severity: 'error',
  formats: ['python'],
  docs: {
    what: "Reports keys in `connect_args`, driver keyword arguments, URL queries and DSN strings of libpq drivers (SQLAlchemy on psycopg2 / psycopg, `psycopg2.connect`, `psycopg.connect`, psycopg_pool, psycopg2.pool) that are not libpq connection parameters, such as asyncpg's `command_timeout` copied from a blog post.",
    why: 'psycopg2 and psycopg hand every such key to libpq, which refuses the whole connection string: `invalid dsn: invalid connection option "command_timeout"`. The application cannot open a single connection, so the setting never did what it promised.',
    example: {
      before:
        'engine = create_engine("postgresql+psycopg2://app@db/app", connect_args={"command_timeout": 30, "keepalives_idle": 30})',
      after:
        'engine = create_engine("postgresql+psycopg2://app@db/app", connect_args={"keepalives_idle": 30})',
    },
    fixSafety:
      'safe for keys in a Python dict or keyword list: removing a key libpq refuses changes a configuration that cannot connect into one that can, and nothing that worked is lost. The message says what the key was probably meant to be. Keys in a URL query or DSN string are removed from it when the string is a plain literal (an f-string or a URL from the environment is reported only). Engines whose driver the file does not show are left alone (the key may be right for asyncpg).',
    sources: [
      'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS',
      'https://www.psycopg.org/docs/module.html#psycopg2.connect',
      'https://www.psycopg.org/psycopg3/docs/api/connections.html#psycopg.Connection.connect',
    ],
  },
  check({ doc, text, report }) {
    /** Removing a key from the URL query or DSN string that holds it, when that string is plain. */
    const removeFromString = (setting: LibpqSetting): TextEdit[] | null => {
      let node: Node | null = doc.root.descendantForIndex(setting.range.start);
      while (node && node.type !== 'string') node = node.parent;
      const str = node ? plainString(node) : null;
      const parsed = str ? parseConnectionString(str.value) : null;
      if (!str || !parsed) return null;
      const at = setting.range.start - str.contentStart;
      const param = parsed.params.find((p) => p.key === setting.key && p.valueRange.start === at);
      if (!param) return null;
      const edit = removeParamEdit(parsed, param, str.value);
      return [{ start: edit.start + str.contentStart, end: edit.end + str.contentStart, text: edit.text }];
    };
    for (const site of libpqSites(doc)) {
      if (site.family !== 'libpq') continue;
      const unknown = site.settings.filter((s) => !LIBPQ_KEYWORDS.has(s.key) && !DRIVER_KEYWORDS.has(s.key));
      for (const setting of unknown) {
        const element: Node | null = setting.node?.parent ?? null;
        const container: Node | null = element?.parent ?? null;
        const inPython =
          setting.node !== undefined &&
          element !== null &&
          container !== null &&
          (element.type === 'pair' || element.type === 'keyword_argument');
        const edits =
          inPython && element && container
            ? removeElementsEdits(text, container, [element])
            : setting.source === 'url' || setting.source === 'dsn'
              ? removeFromString(setting)
              : null;
        const editable = edits !== null;
        const hint = INSTEAD[setting.key];
        report({
          range: setting.range,
          message: `${site.label}: "${setting.key}" is not a libpq connection parameter, so every connect fails with: invalid connection option "${setting.key}".${hint ? ` ${hint[0]?.toUpperCase()}${hint.slice(1)}.` : ''}${editable ? '' : ' Remove it from the connection string.'}`,
          fix: edits
            ? { safety: 'safe', description: `Remove ${setting.key}, which libpq refuses.`, edits }
            : null,
        });
      }
    }
  },
});
