// Prints the rule catalog as a markdown table for the README: `npx tsx scripts/rules-table.ts`.
import { RULES } from '../rules/index';

console.log('| rule | what it catches | severity | fix |');
console.log('|---|---|---|---|');
for (const rule of RULES) {
  const safety = /^(safe|review|none)/.exec(rule.docs.fixSafety)?.[1] ?? '';
  console.log(
    `| \`${rule.id}\` | ${rule.title} | ${rule.severity}${rule.optIn ? ' (opt-in)' : ''} | ${safety} |`,
  );
}
