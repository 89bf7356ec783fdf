import type { FormatDetection } from '../../../engine/index';
import { FORMAT_IDS, FORMATS, isFormatId } from '../lib/engine';
import { isBlank } from '../lib/text';
import { useAppStore } from '../store';

function detectionText(
  detection: FormatDetection | undefined,
  overridden: boolean,
  fromLink: boolean,
  blank: boolean,
): string {
  if (overridden) return fromLink ? 'Set by the shared link.' : 'Chosen by you.';
  if (blank) return 'Detected from the file name or the text.';
  if (!detection) return 'Detecting…';
  if (detection.format === 'unknown') return 'Not detected: choose the format.';
  const label = FORMATS[detection.format].label;
  const confidence = `${Math.round(detection.confidence * 100)}%`;
  const from = detection.source === 'filename' ? 'from the' : 'from';
  return `Detected: ${label} (${confidence}, ${from} ${detection.reason}).`;
}

export function FormatPicker() {
  const override = useAppStore((s) => s.formatOverride);
  const detection = useAppStore((s) => s.result?.format);
  const setFormatOverride = useAppStore((s) => s.setFormatOverride);
  const fromLink = useAppStore((s) => s.formatFromLink);
  const blank = useAppStore((s) => isBlank(s.text));
  const detected = detection && detection.format !== 'unknown' ? FORMATS[detection.format].label : null;
  const unknown = !override && !blank && detection?.format === 'unknown';

  return (
    <div className={`format-picker${unknown ? ' format-picker--attention' : ''}`}>
      <label htmlFor="format-picker" className="format-picker__label">
        Format
      </label>
      <select
        id="format-picker"
        className="select"
        aria-describedby="format-detection"
        value={override ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          setFormatOverride(isFormatId(value) ? value : null);
        }}
      >
        <option value="">
          {detected && !override ? `Detect automatically (${detected})` : 'Detect automatically'}
        </option>
        {FORMAT_IDS.map((id) => (
          <option key={id} value={id}>
            {FORMATS[id].label}
          </option>
        ))}
      </select>
      <span id="format-detection" className="format-picker__detection" data-testid="format-detection">
        {detectionText(detection, override !== null, fromLink, blank)}
      </span>
    </div>
  );
}
