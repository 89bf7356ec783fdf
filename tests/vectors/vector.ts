import type { FixSafety } from '../../core/types';

/** One test vector of a reference: an input, every rule expected on it, and the expected safe patch. */
export interface Vector {
  id: string;
  /** The input, next to which `NAME.fixed.EXT` holds the expected result of the safe fixes (absent: unchanged). */
  file: string;
  /** Every rule the full catalog reports, with the fix it offers (`none`: a finding without an edit). */
  fires: Readonly<Record<string, FixSafety | 'none'>>;
  /** Where staleproof knowingly differs from the reference, and why. */
  differs?: string;
}

/** `v01-x.py` → `v01-x.fixed.py`: the expected result of the vector's safe fixes. */
export function expectedFile(file: string): string {
  const dot = file.lastIndexOf('.');
  return `${file.slice(0, dot)}.fixed${file.slice(dot)}`;
}
