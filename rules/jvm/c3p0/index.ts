import type { Rule } from '../../define-rule';
import checkoutTimeout from './checkout-timeout/rule';
import isValidTimeoutMissing from './is-valid-timeout-missing/rule';
import noConnectionTesting from './no-connection-testing/rule';
import preferredTestQueryJdbc4 from './preferred-test-query-jdbc4/rule';

/** c3p0 (`c3p0.properties`, Java / Kotlin `ComboPooledDataSource`). */
export const C3P0_RULES: readonly Rule[] = [
  preferredTestQueryJdbc4,
  checkoutTimeout,
  noConnectionTesting,
  isValidTimeoutMissing,
];
