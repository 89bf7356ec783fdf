import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * What the service worker can promise, as the page shows it:
 * - `unavailable`: none (the dev server, a browser without service workers, or not installed yet);
 * - `ready`: this build is cached, a reload works with the network off;
 * - `update-ready`: a newer deploy is cached and takes over on the next load;
 * - `updating`: the page is reloading into it.
 */
export type OfflineStatus = 'unavailable' | 'ready' | 'update-ready' | 'updating';

export interface OfflineSlice {
  offlineStatus: OfflineStatus;
  setOfflineStatus(status: OfflineStatus): void;
}

export const createOfflineSlice: StateCreator<AppState, [], [], OfflineSlice> = (set) => ({
  offlineStatus: 'unavailable',
  setOfflineStatus: (offlineStatus) => set({ offlineStatus }),
});
