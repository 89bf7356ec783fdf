import type { TextEdit } from '../../../core/types';
import { defineRule } from '../../define-rule';
import { pgbouncerConfig } from '../_lib/config';
import { SRC } from '../_lib/kit';

export default defineRule({
  id: 'pgbouncer.duplicate-section-header',
  title: 'Second [pgbouncer] header resets the settings above it',
  severity: 'warning',
  formats: ['pgbouncer-ini'],
  docs: {
    what: 'Reports every `[pgbouncer]` header after the first one in the file.',
    why: 'Each time PgBouncer meets a `[pgbouncer]` header it resets every `[pgbouncer]` setting to its default before reading on (`fill_defaults` in cfparser.c). Everything set above a second header, keepalive and timeout tuning included, is silently discarded.',
    example: {
      before:
        '[pgbouncer]\ntcp_keepidle = 30\n%include /etc/pgbouncer/tuning.ini\n[pgbouncer]\nlisten_port = 6432',
      after: '[pgbouncer]\ntcp_keepidle = 30\nlisten_port = 6432\n%include /etc/pgbouncer/tuning.ini',
    },
    fixSafety:
      'review: the later header is deleted and the lines of its block move, in order, to the end of the first block (above its first %include), so both blocks take effect. If the second block was meant to start from the defaults, the merged result keeps settings that were being discarded. A block holding an %include is reported without a fix: deleting its header would move the include into another section.',
    sources: [SRC.cfparser, SRC.config],
  },
  check({ doc, report }) {
    const config = pgbouncerConfig(doc);
    const [first, ...later] = config.headers;
    if (!first || !config.insertion) return;
    const at = config.insertion;
    for (const header of later) {
      const body = config.lines.filter((l) => l.headerIndex === header.index && l.index > header.index);
      const nextSection = config.lines.find((l) => l.kind === 'section' && l.index > header.index);
      const end = nextSection ? nextSection.start : doc.text.length;
      const moved = body.filter((l) => l.kind !== 'blank');
      const hasInclude = moved.some((l) => l.kind === 'include');
      let fix = null;
      if (!hasInclude) {
        const text = moved.map((l) => `${at.eol}${doc.text.slice(l.start, l.end)}`);
        const edits: TextEdit[] = [{ start: header.start, end, text: '' }];
        if (text.length > 0) edits.unshift({ start: at.offset, end: at.offset, text: text.join('') });
        fix = {
          safety: 'review' as const,
          description: `Delete the [pgbouncer] header on line ${header.index + 1} and move its ${moved.length} line(s) to the end of the first [pgbouncer] block.`,
          edits,
        };
      }
      report({
        range: { start: header.contentStart, end: header.end },
        message: `[pgbouncer] appears again on line ${header.index + 1}: PgBouncer resets every [pgbouncer] setting to its default at each header, so the settings above this line are discarded.${hasInclude ? ' This block holds an %include, so it is not merged automatically: move its settings into the first block by hand.' : ' Merge this block into the first one.'}`,
        fix,
      });
    }
  },
});
