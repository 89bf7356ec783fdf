import { useAppStore } from '../store';
import { applyUpdate } from './register';

/**
 * What the service worker promises, said only once it holds: "Works offline" after this build is
 * cached, and a notice with a reload button when a newer deploy is cached and waiting.
 */
export function OfflineStatus() {
  const status = useAppStore((s) => s.offlineStatus);
  if (status === 'unavailable') return null;
  if (status === 'ready') {
    return (
      <p className="offline-status" data-testid="offline-status">
        <strong>Works offline.</strong> This page, the editor and the parsers for config files and Python are
        saved in this browser; other languages are saved the first time you open one.
      </p>
    );
  }
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      {status === 'updating' ? (
        'Updating to the new version…'
      ) : (
        <>
          A new version of staleproof is ready; it takes over on the next load.{' '}
          <button type="button" className="button button--primary" onClick={() => void applyUpdate()}>
            Reload now
          </button>
        </>
      )}
    </div>
  );
}
