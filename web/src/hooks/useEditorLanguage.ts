import { FORMATS } from '../lib/engine';
import { useAppStore } from '../store';

/** Monaco's language for the current input: the chosen format, else the detected one. */
export function useEditorLanguage(): string {
  return useAppStore((s) => {
    const format = s.formatOverride ?? s.result?.format.format;
    return format && format !== 'unknown' ? FORMATS[format].editorLanguage : 'plaintext';
  });
}
