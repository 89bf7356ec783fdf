import type { Rule } from '../../define-rule';
import multihostOld from './multihost-old/rule';

/** psycopg 3 itself (not the libpq keys it passes on). */
export const PSYCOPG_RULES: readonly Rule[] = [multihostOld];
