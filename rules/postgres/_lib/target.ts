/**
 * One view over "PostgreSQL server settings" whatever their shape: a postgresql.conf (or
 * postgresql.auto.conf), or the `-c` flags of a server command line in YAML. Each rule of the
 * catalog runs on every target a document holds, with the same reading and the same PATCH.
 */

import type { EnvironmentProfile } from '../../../core/environment';
import type { TextEdit, Utf16Range } from '../../../core/types';
import type { RuleContext } from '../../define-rule';
import { type ConfFile, parseConf } from './conf-lexer';
import { lastSetting, patchConf, replacementText } from './conf-patch';
import { type FlagTarget, flagTargets, shellTargets } from './flags';
import { GUCS, type GucName, parseGucValue, renderValue, type WantedValue } from './gucs';
import { majorFromConfText } from './versions';

export interface PgSetting {
  name: string;
  key: string;
  /** As the server reads it (quotes removed). */
  value: string;
  range: Utf16Range;
}

export interface PgTarget {
  kind: 'conf' | 'flags';
  /** For messages: `postgresql.conf`, `postgresql.auto.conf`, `the server command line (`command:` of db)`. */
  label: string;
  /** Where to report a finding about a key that is absent. */
  anchor: Utf16Range;
  settings: PgSetting[];
  /** The effective (last) occurrence. */
  last(key: string): PgSetting | undefined;
  /**
   * False when the settings shown are not the whole story: `-c config_file=…` points the server at a
   * config file mounted from elsewhere, so an absent key may well be set there.
   */
  complete: boolean;
  /** Major version from the text, else from the environment. */
  major: number | undefined;
  conf?: ConfFile;
  /** The edits giving each key its value, or null when the shape cannot be edited safely. */
  patch(wanted: readonly WantedValue[]): TextEdit[] | null;
}

/**
 * The effective amount of a setting (ms for times); null when absent; 'unknown' when unreadable, or
 * absent from a target that does not show every setting.
 */
export function effective(target: PgTarget, key: GucName): number | null | 'unknown' {
  const s = target.last(key);
  if (!s) return target.complete ? null : 'unknown';
  const parsed = parseGucValue(s.value, GUCS[key].unit);
  return parsed ? parsed.amount : 'unknown';
}

function confTarget(text: string, environment: EnvironmentProfile): PgTarget {
  const conf = parseConf(text);
  const firstLineEnd = conf.lines[0]?.end ?? 0;
  return {
    kind: 'conf',
    label: conf.autoConf ? 'postgresql.auto.conf' : 'postgresql.conf',
    anchor: { start: 0, end: Math.max(firstLineEnd, 0) },
    settings: conf.settings.map((s) => ({ name: s.name, key: s.key, value: s.value, range: s.nameRange })),
    last: (key) => {
      const s = lastSetting(conf, key);
      return s ? { name: s.name, key: s.key, value: s.value, range: s.nameRange } : undefined;
    },
    major: majorFromConfText(text) ?? environment.pgMajor,
    conf,
    complete: true,
    patch: (wanted) => patchConf(conf, wanted),
  };
}

export function postgresTargets(context: RuleContext): PgTarget[] {
  const { doc, format, environment } = context;
  return doc.memo(`postgres.targets:${format}`, () => {
    if (format === 'postgresql-conf') return [confTarget(doc.text, environment)];
    if (format === 'yaml') return flagTargets(doc).map((t) => flagTarget(t, environment));
    if (format === 'shell') return shellTargets(doc.text).map((t) => flagTarget(t, environment));
    return [];
  });
}

function flagTarget(t: FlagTarget, environment: EnvironmentProfile): PgTarget {
  const last = (key: string) => {
    for (let i = t.settings.length - 1; i >= 0; i--) if (t.settings[i]?.key === key) return t.settings[i];
    return undefined;
  };
  return {
    kind: 'flags',
    label: `the server command line (${t.label})`,
    anchor: t.anchor,
    settings: t.settings,
    last,
    complete: !t.settings.some((s) => s.key === 'config_file'),
    major: t.major ?? environment.pgMajor,
    patch: (wanted) => {
      const edits: TextEdit[] = [];
      const appended: string[] = [];
      for (const w of wanted) {
        const s = last(w.key);
        if (s) {
          if (!s.valueRange) return null;
          edits.push({
            ...s.valueRange,
            text: replacementText({ raw: s.value, value: s.value, quoted: false }, w),
          });
        } else {
          appended.push(`${w.key}=${renderValue(w, false)}`);
        }
      }
      if (appended.length > 0) {
        const edit = t.append(appended);
        if (!edit) return null;
        edits.push(edit);
      }
      return edits;
    },
  };
}

/** Line number (1-based) of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
