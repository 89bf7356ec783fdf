import type { Rule } from '../../define-rule';
import genericPoolKeysIgnored from './generic-pool-keys-ignored/rule';
import inactivePoolPrefix from './inactive-pool-prefix/rule';

/** Spring Boot data-source wiring: keys that bind to nothing. */
export const SPRING_RULES: readonly Rule[] = [genericPoolKeysIgnored, inactivePoolPrefix];
