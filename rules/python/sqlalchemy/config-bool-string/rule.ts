import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../../define-rule';
import { engineFromConfigCalls, sqlalchemyEngines } from '../../_lib/sqlalchemy';
import { FALSE_WORDS, type IniSetting, iniEngineSections, setIniValueEdit } from '../../_lib/sqlalchemy-ini';
import { stringLiteralValue } from '../../_lib/syntax';

/** Boolean pool options engine_from_config leaves as strings (it converts only numbers, echo, future). */
const BOOLEAN_OPTIONS = ['pool_pre_ping', 'pool_use_lifo'] as const;

const EFFECT: Record<(typeof BOOLEAN_OPTIONS)[number], { on: string; off: string }> = {
  pool_pre_ping: {
    on: 'pre-ping is on',
    off: 'pre-ping is off and dead pooled connections reach the application',
  },
  pool_use_lifo: {
    on: 'the pool hands out the most recently used connection first (LIFO)',
    off: 'the pool stays FIFO',
  },
};

export default defineRule({
  id: 'python.sqlalchemy.config-bool-string',
  title: 'Boolean pool option given as a string, which SQLAlchemy reads by truthiness',
  severity: 'warning',
  formats: ['python', 'ini'],
  docs: {
    what: 'Reports `pool_pre_ping` or `pool_use_lifo` given as a string: in an `[app:…]` INI section read by `engine_from_config`, in the mapping passed to it, or as a string literal keyword. `engine_from_config` converts only `pool_timeout`, `pool_recycle`, `pool_size`, `max_overflow`, `echo`, `echo_pool`, `convert_unicode` and `future`.',
    why: 'The string reaches the pool unchanged and Python truthiness decides: `"false"`, `"0"` and `"no"` switch the option **on**, and an empty value switches it off. A config that reads `sqlalchemy.pool_pre_ping = false` therefore pings, and `sqlalchemy.pool_pre_ping =` (a value removed for a test) silently disables the ping.',
    example: {
      before: '[app:main]\nsqlalchemy.url = postgresql://app@db/app\nsqlalchemy.pool_pre_ping =',
      after: '[app:main]\nsqlalchemy.url = postgresql://app@db/app\nsqlalchemy.pool_pre_ping = true',
    },
    fixSafety:
      'safe: an empty pool_pre_ping becomes `true` (the ping pre-ping-missing asks for). A non-empty "false"-looking value is only reported, with no edit: the option is already on, and turning it off would be wrong for pool_pre_ping.',
    sources: [
      'https://docs.sqlalchemy.org/en/20/core/engines.html#sqlalchemy.engine_from_config',
      'https://github.com/sqlalchemy/sqlalchemy/blob/main/lib/sqlalchemy/engine/default.py',
      'https://github.com/geoadmin/mf-chsdi3/pull/4090',
    ],
  },
  check({ doc, text: _text, report }) {
    const reportString = (
      option: (typeof BOOLEAN_OPTIONS)[number],
      written: string,
      value: string,
      range: { start: number; end: number },
      setTrue: () => { start: number; end: number; text: string },
    ) => {
      if (value.trim() === '') {
        if (option !== 'pool_pre_ping') return;
        report({
          range,
          message: `${written} is an empty string, which is false: ${EFFECT[option].off}. Set it to true.`,
          fix: { safety: 'safe', description: 'Set pool_pre_ping to true.', edits: [setTrue()] },
        });
        return;
      }
      if (!FALSE_WORDS.has(value.trim().toLowerCase())) return;
      report({
        range,
        severity: 'info',
        message: `${written} is the string "${value}", which SQLAlchemy does not convert: any non-empty string is true, so ${EFFECT[option].on} (currently enabled). ${option === 'pool_pre_ping' ? 'Write true to say what happens.' : 'Remove it if FIFO was meant.'}`,
        fix: null,
      });
    };

    for (const section of iniEngineSections(doc)) {
      for (const option of BOOLEAN_OPTIONS) {
        const setting: IniSetting | undefined = section.get(option);
        if (!setting) continue;
        const range =
          setting.value === ''
            ? { start: setting.nameNode.startIndex, end: setting.nameNode.endIndex }
            : { start: setting.valueStart, end: setting.valueEnd };
        reportString(option, `sqlalchemy.${option}`, setting.value, range, () =>
          setIniValueEdit(setting, 'true'),
        );
      }
    }
    if (doc.grammar !== 'python') return;

    const pythonString = (
      option: (typeof BOOLEAN_OPTIONS)[number],
      written: string,
      value: Node | undefined,
    ) => {
      if (value?.type !== 'string') return;
      const literal = stringLiteralValue(value);
      if (literal === null) return;
      reportString(option, written, literal, { start: value.startIndex, end: value.endIndex }, () => ({
        start: value.startIndex,
        end: value.endIndex,
        text: 'True',
      }));
    };
    for (const engine of engineFromConfigCalls(doc)) {
      for (const option of BOOLEAN_OPTIONS) {
        const kw = engine.keywords.find((k) => k.name === option);
        if (kw) pythonString(option, `engine_from_config(${option}=…)`, kw.value);
        else pythonString(option, `"${engine.prefix}${option}"`, engine.entry(option)?.value);
      }
    }
    for (const engine of sqlalchemyEngines(doc)) {
      for (const option of BOOLEAN_OPTIONS) {
        pythonString(option, `${engine.site.name}(${option}=…)`, engine.option(option)?.value);
      }
    }
  },
});
