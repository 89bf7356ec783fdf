export {
  isReference,
  PLACEHOLDER,
  type Redaction,
  type RedactionKind,
  type RedactionResult,
  redact,
} from './redact';
