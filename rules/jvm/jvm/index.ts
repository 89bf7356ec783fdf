import type { Rule } from '../../define-rule';
import dnsCacheForever from './dns-cache-forever/rule';
import dnsTtlWrongMechanism from './dns-ttl-wrong-mechanism/rule';

/** JVM-wide settings (flags in JAVA_OPTS / JAVA_TOOL_OPTIONS, java.security). */
export const JVM_RULES: readonly Rule[] = [dnsTtlWrongMechanism, dnsCacheForever];
