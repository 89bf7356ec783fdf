import { useCallback } from 'react';
import { readTextFile } from '../lib/files';
import { formatSize } from '../lib/limits';
import { useAppStore } from '../store';

/**
 * Files beyond this are not even read: the engine refuses anything over 2 MiB, and reading a
 * gigabyte into a string would take the tab down with it.
 */
const MAX_READ_BYTES = 64 * 1024 * 1024;

function fail(message: string) {
  const store = useAppStore.getState();
  store.failChecking(store.revision, message);
}

/** Reads a user's file as text and makes it the input, keeping its name for the download. */
export function useOpenFile(): (file: File) => void {
  const loadText = useAppStore((s) => s.loadText);
  return useCallback(
    (file: File) => {
      if (file.size > MAX_READ_BYTES) {
        fail(
          `${file.name} is ${formatSize(file.size).replace('characters', 'bytes')}, too large to open here. Open the file that configures the pool.`,
        );
        return;
      }
      // UTF-8 with replacement characters (the engine recognises binary data from them), BOM kept.
      readTextFile(file).then(
        (text) => loadText(text, file.name),
        () => fail(`Could not read ${file.name}: the browser refused to open it.`),
      );
    },
    [loadText],
  );
}
