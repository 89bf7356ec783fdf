/** The Linux test vectors of reference/server-network.md §6, shared by the rule test and the kernel proof. */
import type { EnvironmentProfile } from '../../../core/environment';

export interface LinuxVector {
  id: string;
  file: string;
  environment: EnvironmentProfile;
  /** Sorted `ruleId:safety` (`none` for a finding without a fix); one entry per finding. */
  fires: string[];
  differs?: string;
}

export const LINUX_VECTORS: LinuxVector[] = [
  {
    id: 'TV11',
    file: 'v11-duplicate-slash.sysctl.conf',
    environment: { middleboxIdleSeconds: 350 },
    fires: ['linux.keepalive-defaults:safe', 'linux.tcp-retries2-high:review'],
  },
  {
    id: 'TV12',
    file: 'v12-dash-unit.sysctl.conf',
    environment: {},
    fires: ['linux.tcp-retries2-high:review', 'linux.value-with-unit:safe'],
  },
];

export function expectedName(file: string): string {
  return file.replace(/\.conf$/, '.fixed.conf');
}
