/**
 * The engine's values the page itself needs, imported from their own small modules. `engine/index`
 * would be the same API, but importing it puts the secret detectors, the rule catalog and the
 * permalink code into the first chunk; the worker loads those, and the page loads the rest on demand
 * (rule docs when opened, the permalink code when a link is made or opened). Types may still come
 * from `engine/index`: type imports vanish from the bundle.
 */
export {
  LIBRARY_NAMES,
  OPERATING_SYSTEMS,
  PLATFORMS,
  setEnvironmentValue,
} from '../../../core/environment';
export { MAX_INPUT_CHARS } from '../../../core/input';
export { PRESET_IDS, PRESETS } from '../../../core/presets';
export { FORMAT_IDS, FORMATS, isFormatId } from '../../../wasm-parsers/formats';
