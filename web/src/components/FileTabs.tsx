import { type KeyboardEvent, useRef } from 'react';
import { useAppStore } from '../store';
import { type FileTab, tabLabel } from '../store/filesSlice';

/** Findings of a tab: the live result for the active one, the last computed one for the others. */
function useTabCount(tab: FileTab, active: boolean): number | null {
  const live = useAppStore((s) => (active ? (s.result?.findings.length ?? null) : null));
  return active ? live : (tab.result?.findings.length ?? null);
}

function TabButton({ tab, active, index }: { tab: FileTab; active: boolean; index: number }) {
  const switchTab = useAppStore((s) => s.switchTab);
  const closeTab = useAppStore((s) => s.closeTab);
  const liveName = useAppStore((s) => (active ? s.filename : null));
  const label = tabLabel(active ? { ...tab, filename: liveName } : tab);
  const count = useTabCount(tab, active);
  const cross = useAppStore((s) =>
    active ? (s.result?.crossFile.length ?? 0) : (tab.result?.crossFile.length ?? 0),
  );
  return (
    <div className={`file-tab${active ? ' file-tab--active' : ''}`} role="presentation">
      <button
        type="button"
        role="tab"
        id={`file-tab-${tab.id}`}
        aria-selected={active}
        aria-controls="editor-tabpanel"
        tabIndex={active ? 0 : -1}
        data-tab-index={index}
        className="file-tab__name"
        title={
          cross > 0 ? `${label}: ${cross} finding${cross === 1 ? '' : 's'} come from the other files` : label
        }
        aria-description="Delete closes it"
        onClick={() => switchTab(tab.id)}
      >
        {label}
        {count !== null && (
          <span className="count">
            {count}
            <span className="visually-hidden"> finding{count === 1 ? '' : 's'}</span>
          </span>
        )}
      </button>
      {/* A tablist may hold only tabs: the close mark is for the mouse; the keyboard closes a tab with Delete. */}
      <span
        className="file-tab__close"
        aria-hidden="true"
        title={`Close ${label}`}
        onClick={() => closeTab(tab.id)}
      >
        ×
      </span>
    </div>
  );
}

/**
 * The open files. Findings can span them: what a pgbouncer.ini or postgresql.conf tab states (PgBouncer
 * in front, its client_idle_timeout, the server's idle_session_timeout and version) is applied when the
 * application tabs are read, and the findings it causes say so.
 */
export function FileTabs() {
  const tabs = useAppStore((s) => s.tabs);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const addTab = useAppStore((s) => s.addTab);
  const switchTab = useAppStore((s) => s.switchTab);
  const closeTab = useAppStore((s) => s.closeTab);
  const notice = useAppStore((s) => s.tabNotice);
  const canUndo = useAppStore((s) => s.closedTab !== null);
  const reopen = useAppStore((s) => s.reopenClosedTab);
  const list = useRef<HTMLDivElement>(null);

  // The ARIA tabs pattern: arrows move between tabs (and activate them), Home/End to the ends, Delete
  // closes the focused one.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === activeTabId);
    if (event.key === 'Delete' && (event.target as HTMLElement).matches('[role="tab"]')) {
      event.preventDefault();
      closeTab(activeTabId);
      requestAnimationFrame(() =>
        list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
      );
      return;
    }
    const to =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const target = tabs[to];
    if (!target || !(event.target as HTMLElement).matches('[role="tab"]')) return;
    event.preventDefault();
    switchTab(target.id);
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-tab-index="${to}"]`)?.focus(),
    );
  };

  return (
    <div className="file-tabs">
      <div className="file-tabs__list" role="tablist" aria-label="Files" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <TabButton key={tab.id} tab={tab} active={tab.id === activeTabId} index={i} />
        ))}
      </div>
      <button type="button" className="button button--small file-tabs__add" onClick={addTab} title="New tab">
        + New tab
      </button>
      {notice && (
        <p className="file-tabs__notice" role="status">
          {notice}{' '}
          {canUndo && (
            <button type="button" className="link-button" onClick={reopen}>
              Undo
            </button>
          )}
        </p>
      )}
    </div>
  );
}
