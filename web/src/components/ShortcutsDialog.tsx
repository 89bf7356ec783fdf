import { Fragment, useEffect, useRef } from 'react';
import { isMac, SHORTCUTS, shortcutKeys, useShortcuts } from '../hooks/useShortcuts';
import { useAppStore } from '../store';

function Keys({ keys, mac }: { keys: string[]; mac: boolean }) {
  return (
    <span className="shortcuts__keys">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && !mac && <span aria-hidden="true">+</span>}
          <kbd className="kbd">{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * The keyboard shortcuts (listened for page-wide) and their list: a modal dialog opened with `?` or
 * from the header. The native <dialog> keeps focus inside, closes on Escape and gives focus back.
 */
export function ShortcutsDialog() {
  const announcement = useShortcuts();
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const dialog = useRef<HTMLDialogElement>(null);
  const mac = isMac();

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) node.showModal();
    if (!open && node.open) node.close();
  }, [open]);

  return (
    <>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes it natively; the click is the backdrop's. */}
      <dialog
        ref={dialog}
        className="shortcuts"
        aria-labelledby="shortcuts-heading"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          // The body fills the dialog, so a click on the dialog element itself is a click on the backdrop.
          if (event.target === event.currentTarget) setOpen(false);
        }}
      >
        <div className="shortcuts__body">
          <div className="shortcuts__head">
            <h2 id="shortcuts-heading" className="shortcuts__title">
              Keyboard shortcuts
            </h2>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <p className="hint">They work anywhere on the page, in the editor too.</p>
          <dl className="shortcuts__list">
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.id} className="shortcuts__row" data-shortcut={shortcut.id}>
                <dt>
                  <Keys keys={shortcutKeys(shortcut, mac)} mac={mac} />
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
            <div className="shortcuts__row" data-shortcut="help">
              <dt>
                <Keys keys={['?']} mac={mac} />
              </dt>
              <dd>Show or hide this list (outside the editor and text fields)</dd>
            </div>
            <div className="shortcuts__row" data-shortcut="close">
              <dt>
                <Keys keys={['Esc']} mac={mac} />
              </dt>
              <dd>Close this list</dd>
            </div>
          </dl>
        </div>
      </dialog>
      <p className="visually-hidden" role="status" data-testid="shortcut-status">
        {announcement}
      </p>
    </>
  );
}
