import type { Rule } from '../define-rule';

/** Linux kernel settings (sysctl.conf, /etc/sysctl.d/*.conf). The unit repair (rule 36) first, then the semantic rules, then the advisories. */
export const LINUX_RULES: readonly Rule[] = [];
