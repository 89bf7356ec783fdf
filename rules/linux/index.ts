import type { Rule } from '../define-rule';
import conntrackBelowKeepalive from './conntrack-below-keepalive/rule';
import containerNetns from './container-netns/rule';
import keepaliveDefaults from './keepalive-defaults/rule';
import tcpRetries2High from './tcp-retries2-high/rule';
import valueWithUnit from './value-with-unit/rule';

/**
 * Linux kernel settings (sysctl.conf, /etc/sysctl.d/*.conf). The unit repair (rule 36) first, then
 * the semantic rules in catalog order (34, 35: keys they append follow in that order), then the
 * opt-in advisories (37, 38).
 */
export const LINUX_RULES: readonly Rule[] = [
  valueWithUnit,
  keepaliveDefaults,
  tcpRetries2High,
  containerNetns,
  conntrackBelowKeepalive,
];
