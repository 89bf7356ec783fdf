export { RULES } from './detectors/index';
export { PLACEHOLDER_ANYWHERE, RedactionMap, unredact } from './placeholders';
export { redact } from './redact';
export type {
  Redaction,
  RedactionCategory,
  RedactionKind,
  RedactionResult,
  RedactOptions,
  Rule,
} from './types';
export { isPlaceholder, isReference } from './values';
