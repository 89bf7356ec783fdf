import { useAppStore } from '../store';

/** Says where the text came from when the page was opened with a share link, or why the link failed. */
export function LinkNotice() {
  const notice = useAppStore((s) => s.linkNotice);
  const setLinkNotice = useAppStore((s) => s.setLinkNotice);
  if (!notice) return null;
  const opened = notice.kind === 'opened';

  return (
    <div className="notice-area">
      <div
        className={`banner banner--notice ${opened ? 'banner--info' : 'banner--warning'}`}
        role={opened ? 'status' : 'alert'}
        data-link={notice.kind}
      >
        <div>
          <p className="banner__title">
            {opened
              ? 'Opened from a shared link: secrets were replaced with placeholders'
              : 'This share link could not be opened'}
          </p>
          <p className="banner__message">
            {opened
              ? 'Names such as REDACTED_PASSWORD_1 stand where the sender’s values were. Findings and fixes work as usual.'
              : `${notice.message} The page works as usual: paste or open a config to check it.`}
          </p>
        </div>
        <button type="button" className="button" onClick={() => setLinkNotice(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
