import type { Rule } from '../../define-rule';
import keepaliveMissing from './keepalive-missing/rule';

/** TypeORM with `type: 'postgres'` (DataSource, TypeOrmModule.forRoot, ormconfig modules). */
export const TYPEORM_RULES: readonly Rule[] = [keepaliveMissing];
