import type { Rule } from '../../define-rule';
import noForegroundValidation from './no-foreground-validation/rule';

/** Quarkus / Agroal (`quarkus.datasource[."name"].jdbc.*`). */
export const QUARKUS_RULES: readonly Rule[] = [noForegroundValidation];
