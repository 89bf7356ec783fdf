import type { Rule } from '../../define-rule';
import legacyPoolKeys from './legacy-pool-keys/rule';

/** Flask-SQLAlchemy configuration keys. */
export const FLASK_SQLALCHEMY_RULES: readonly Rule[] = [legacyPoolKeys];
