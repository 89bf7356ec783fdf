import type { Rule } from '../../define-rule';
import foreignUrlParams from './foreign-url-params/rule';
import protectionDisabled from './protection-disabled/rule';
import secondsGivenAsMs from './seconds-given-as-ms/rule';

/** postgres.js (`postgres(url, options)`): URL parameters first, then option values. */
export const POSTGRESJS_RULES: readonly Rule[] = [foreignUrlParams, protectionDisabled, secondsGivenAsMs];
