import type { Node } from 'web-tree-sitter';
import { detectEol } from '../../../core/text';
import type { TextEdit } from '../../../core/types';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';

/**
 * SQLAlchemy settings in PasteDeploy / Pyramid INI files: an `[app:NAME]` section with
 * `sqlalchemy.url`, read by `engine_from_config(settings, "sqlalchemy.")`. Only `[app:…]` sections
 * count: Alembic's `[alembic]` (and its multi-database sections) also hold `sqlalchemy.url`, but
 * Alembic's env.py builds a NullPool engine, where pool settings mean nothing.
 */

export const INI_PREFIX = 'sqlalchemy.';

export interface IniSetting {
  /** The key as written, e.g. `sqlalchemy.pool_recycle`. */
  key: string;
  node: Node;
  nameNode: Node;
  /** The value node (with its leading blanks), null for `key =` with nothing after. */
  valueNode: Node | null;
  /** The value as configparser reads it: trimmed, possibly empty. */
  value: string;
  /** Offsets of the trimmed value; an empty value sits right after `=`. */
  valueStart: number;
  valueEnd: number;
}

export interface IniEngineSection {
  name: string;
  nameNode: Node;
  settings: IniSetting[];
  get(option: string): IniSetting | undefined;
}

function settingOf(node: Node): IniSetting | null {
  const nameNode = node.children.find((c) => c?.type === 'setting_name') ?? null;
  const eq = node.children.find((c) => c?.type === '=') ?? null;
  if (!nameNode || !eq) return null;
  const valueNode = node.children.find((c) => c?.type === 'setting_value') ?? null;
  if (!valueNode) {
    return {
      key: nameNode.text.trim(),
      node,
      nameNode,
      valueNode,
      value: '',
      valueStart: eq.endIndex,
      valueEnd: eq.endIndex,
    };
  }
  const raw = valueNode.text;
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  const valueStart = valueNode.startIndex + lead;
  return {
    key: nameNode.text.trim(),
    node,
    nameNode,
    valueNode,
    value,
    valueStart,
    valueEnd: valueStart + value.length,
  };
}

export function iniEngineSections(doc: ParsedDocument): IniEngineSection[] {
  if (doc.grammar !== 'ini') return [];
  return doc.memo('python.sqlalchemy.ini-sections', () => {
    const out: IniEngineSection[] = [];
    for (const section of doc.root.descendantsOfType('section')) {
      if (!section) continue;
      const nameNode = section.children.find((c) => c?.type === 'section_name');
      const name = nameNode?.namedChildren.find((c) => c?.type === 'text')?.text.trim() ?? '';
      if (!nameNode || !/^app:/i.test(name)) continue;
      const settings = section.children
        .filter((c): c is Node => c?.type === 'setting')
        .map(settingOf)
        .filter((s): s is IniSetting => s !== null);
      if (!settings.some((s) => s.key === `${INI_PREFIX}url`)) continue;
      out.push({
        name,
        nameNode,
        settings,
        // configparser keeps the last of a repeated key (strict=False) or refuses the file: last wins.
        get: (option) => settings.filter((s) => s.key === `${INI_PREFIX}${option}`).at(-1),
      });
    }
    return out;
  });
}

/** Sets a setting's value in place; an empty `key =` gets ` value` after its `=`. */
export function setIniValueEdit(setting: IniSetting, value: string): TextEdit {
  if (setting.value === '' && setting.valueNode === null) {
    return { start: setting.valueStart, end: setting.valueEnd, text: ` ${value}` };
  }
  return { start: setting.valueStart, end: setting.valueEnd, text: value };
}

/**
 * Adds `sqlalchemy.OPTION = value` on a new line after the section's last `sqlalchemy.*` setting,
 * with that line's spacing around `=` and the file's line ending.
 */
export function addIniSettingEdit(
  text: string,
  section: IniEngineSection,
  option: string,
  value: string,
): TextEdit {
  const anchors = section.settings.filter((s) => s.key.startsWith(INI_PREFIX));
  const anchor = anchors.at(-1) as IniSetting;
  const eq = anchor.node.children.find((c) => c?.type === '=') as Node;
  const before = text.slice(anchor.nameNode.endIndex, eq.startIndex);
  const after = anchor.valueNode ? text.slice(eq.endIndex, anchor.valueStart) : ' ';
  const eol = detectEol(text);
  // The setting node ends after its line break, except on a last line without one.
  let at = anchor.node.endIndex;
  while (at > anchor.valueEnd && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  const line = `${INI_PREFIX}${option}${before}=${after}${value}`;
  if (text[at - 1] === '\n') return { start: at, end: at, text: `${line}${eol}` };
  return { start: at, end: at, text: `${eol}${line}` };
}

/** configparser-style booleans SQLAlchemy never sees as such: any non-empty string is truthy. */
export const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'n', 'f']);
