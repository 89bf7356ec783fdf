export { detectFormat, type FormatDetection } from './detect';
export { FORMAT_IDS, FORMATS, type FormatId, type FormatInfo, isFormatId } from './formats';
export { GRAMMAR_FILES, GRAMMAR_IDS, type GrammarId } from './grammars';
export {
  collectDiagnostics,
  createParserHost,
  type GrammarSource,
  type ParsedDocument,
  type ParserHost,
} from './parser-host';
