import { FORMATS } from '../lib/engine';
import { type AppState, useAppStore } from '../store';
import type { OfflineStatus } from '../store/offlineSlice';

/**
 * Registers the service worker of a production build (web/src/sw/service-worker.ts, built to
 * `sw.js`); the dev server has none, so `npm start` always serves fresh modules.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page's own loading, so caching the build never competes with it.
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}

const setStatus = (status: OfflineStatus) => useAppStore.getState().setOfflineStatus(status);

async function start(): Promise<void> {
  const container = navigator.serviceWorker;
  const base = import.meta.env.BASE_URL;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register(`${base}sw.js`, { scope: base });
  } catch {
    // A private window may refuse storage: the page works as before, it just does not say "offline".
    return;
  }

  // Only a page that had a controller can be updated; the first install has nothing to replace.
  const hadController = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });

  // A deploy cached while an earlier page was open takes over on this load.
  if (registration.waiting && hadController) {
    void applyUpdate(registration);
    return;
  }

  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && container.controller) setStatus('update-ready');
    });
  });

  const ready = await container.ready;
  if (useAppStore.getState().offlineStatus === 'unavailable') setStatus('ready');
  keepGrammarsInUse(ready);
}

/**
 * Grammars other than the config formats' and Python's are cached on first use. This page may not be
 * controlled by the service worker yet (the first visit), so it names each grammar it uses.
 */
function keepGrammarsInUse(registration: ServiceWorkerRegistration): void {
  const named = new Set<string>();
  const keep = (state: AppState) => {
    const format = state.result?.format.format;
    if (!format || format === 'unknown') return;
    const grammar = FORMATS[format].grammar;
    if (named.has(grammar)) return;
    named.add(grammar);
    registration.active?.postMessage({ type: 'keep-grammar', grammar });
  };
  keep(useAppStore.getState());
  useAppStore.subscribe(keep);
}

/** Lets the waiting build take over; the page reloads into it when it does (`controllerchange`). */
export async function applyUpdate(known?: ServiceWorkerRegistration): Promise<void> {
  const registration = known ?? (await navigator.serviceWorker.getRegistration());
  if (!registration?.waiting) return;
  setStatus('updating');
  registration.waiting.postMessage('skip-waiting');
}
