import { useRef } from 'react';
import { useOpenFile } from '../hooks/useOpenFile';
import { EXAMPLE_TEXT } from '../lib/example';
import { useAppStore } from '../store';
import { SamplesMenu } from './SamplesGallery';

export function FileToolbar() {
  const filename = useAppStore((s) => s.filename);
  const loadText = useAppStore((s) => s.loadText);
  const openFile = useOpenFile();
  const input = useRef<HTMLInputElement>(null);

  return (
    <div className="toolbar">
      {filename && (
        <span className="filename" title="The download keeps this name">
          {filename}
        </span>
      )}
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Open files
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label="Open config files"
        multiple
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          if (files.length > 0) openFile(files);
          // Lets the same file be opened again after editing it here.
          event.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => loadText(EXAMPLE_TEXT, null)}>
        Load example
      </button>
      <SamplesMenu />
    </div>
  );
}
