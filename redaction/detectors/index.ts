import type { Rule } from '../types';
import { ASSIGNMENT_RULES } from './assignments';
import { CONNECTION_STRING_RULES } from './connection-strings';
import { INFRASTRUCTURE_RULES } from './infrastructure';
import { TOKEN_RULES } from './tokens';

/** Every detector, most specific first (the order only matters for reading: overlaps go by priority). */
export const RULES: readonly Rule[] = [
  ...TOKEN_RULES,
  ...CONNECTION_STRING_RULES,
  ...ASSIGNMENT_RULES,
  ...INFRASTRUCTURE_RULES,
];
