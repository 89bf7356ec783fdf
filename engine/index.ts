export {
  EnvironmentError,
  type EnvironmentProfile,
  LIBRARY_NAMES,
  OPERATING_SYSTEMS,
  PLATFORMS,
  setEnvironmentValue,
} from '../core/environment';
export { MAX_INPUT_CHARS } from '../core/input';
export type { RedactedText } from '../core/redacted';
export type {
  Finding,
  Fix,
  FixSafety,
  InputProblem,
  ParseDiagnostic,
  Severity,
  TextEdit,
} from '../core/types';
export { RedactionMap, unredact } from '../redaction/placeholders';
export type {
  Redaction,
  RedactionCategory,
  RedactionKind,
  RedactionResult,
  RedactOptions,
} from '../redaction/redact';
export { redact } from '../redaction/redact';
export { RULES } from '../rules/index';
export { detectFormat, type FormatDetection } from '../wasm-parsers/detect';
export { FORMAT_IDS, FORMATS, type FormatId, isFormatId } from '../wasm-parsers/formats';
export { createParserHost, type GrammarSource } from '../wasm-parsers/parser-host';
export { type AnalyseOptions, type AnalysisResult, createEngine, type Engine, type Timings } from './analyse';
export {
  type DecodeResult,
  decodePermalink,
  encodePermalink,
  MAX_LINK_CHARS,
  PermalinkTooLongError,
  type SharedFile,
  type ShareState,
} from './permalink';
export {
  crossFileFindingIds,
  environmentForFile,
  type FileEnvironment,
  isClientFormat,
  type ProjectFact,
  type ProjectFile,
  readProjectFacts,
} from './project';
