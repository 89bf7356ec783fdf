import type { Rule } from '../../define-rule';
import prePingMissing from './pre-ping-missing/rule';

export const SQLALCHEMY_RULES: readonly Rule[] = [prePingMissing];
