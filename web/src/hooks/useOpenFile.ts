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

/**
 * Reads the user's files as text and opens them as tabs (the first one into the active tab when it is
 * empty), keeping their names for the download. A file that cannot be opened is named in a message;
 * the others still open.
 */
export function useOpenFile(): (files: readonly File[]) => void {
  const openFiles = useAppStore((s) => s.openFiles);
  return useCallback(
    (files: readonly File[]) => {
      const tooLarge = files.filter((file) => file.size > MAX_READ_BYTES);
      const readable = files.filter((file) => file.size <= MAX_READ_BYTES);
      // UTF-8 with replacement characters (the engine recognises binary data from them), BOM kept.
      void Promise.allSettled(readable.map((file) => readTextFile(file))).then((read) => {
        const opened = read.flatMap((r, i) =>
          r.status === 'fulfilled' ? [{ text: r.value, filename: (readable[i] as File).name }] : [],
        );
        const refused = read.flatMap((r, i) => (r.status === 'rejected' ? [(readable[i] as File).name] : []));
        openFiles(opened);
        const [big] = tooLarge;
        if (big) {
          fail(
            `${big.name} is ${formatSize(big.size).replace('characters', 'bytes')}, too large to open here. Open the file that configures the pool.`,
          );
        } else if (refused.length > 0) {
          fail(`Could not read ${refused.join(', ')}: the browser refused to open it.`);
        }
      });
    },
    [openFiles],
  );
}
