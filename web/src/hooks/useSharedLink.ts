import { useEffect } from 'react';
import { readShareLink } from '../lib/share';
import { useAppStore } from '../store';

/** The last fragment read, so a re-mounted effect does not load the same link twice. */
let handled = '';

/**
 * Opens the share link in the address bar: at start, and when a link is pasted into the address bar
 * of the open page (a `hashchange`; the page's own `replaceState` fires none). A link that cannot be
 * read leaves the page as it is, with the reason in a banner.
 */
export function useSharedLink(): void {
  useEffect(() => {
    const open = async () => {
      const fragment = window.location.hash;
      if (fragment.length <= 1 || fragment === handled) return;
      handled = fragment;
      const decoded = await readShareLink(fragment);
      // Another link arrived while this one was read: that one wins.
      if (window.location.hash !== fragment) return;
      const store = useAppStore.getState();
      if (decoded.ok) store.loadShared(decoded.state);
      else store.setLinkNotice({ kind: 'failed', message: decoded.message });
    };
    void open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
}

/** Marks a fragment this page wrote itself, so it is never read back as an incoming link. */
export function markLinkHandled(fragment: string): void {
  handled = fragment;
}
