import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../lib/engine';
import type { AppState } from './index';
import {
  fragmentId,
  loadSnapshot,
  parseSnapshot,
  persistedChanged,
  restoredState,
  SESSION_KEY,
  type SessionSnapshot,
  saveSnapshot,
  snapshotOf,
} from './persist';

/** A Storage over a Map; `failWrites` makes it behave like a full or disabled one. */
function memoryStorage(failWrites?: Error): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (failWrites) throw failWrites;
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

const STATE = {
  text: 'engine = create_engine("postgresql://app:Fake-Pw-1@db/orders")\r\n',
  filename: 'db.py',
  formatOverride: 'python',
  formatFromLink: false,
  environmentInputs: { preset: 'rds', middleboxIdleSeconds: '350' },
  optIn: true,
  redactSecrets: true,
  redactInfrastructure: true,
  unredacted: [{ value: 'orders', kind: 'database' }],
  manualRedactions: ['db'],
  revision: 7,
  tabs: [{ id: 'tab-1', number: 1, text: '', filename: null, formatOverride: null, formatFromLink: false }],
  activeTabId: 'tab-1',
} as unknown as AppState;

const snapshot = (fragment = ''): SessionSnapshot => snapshotOf(STATE, fragment);

describe('session snapshot', () => {
  it('keeps every open tab and which one is active; the active one from the live fields', () => {
    const pgbouncer = { text: '[pgbouncer]\nclient_idle_timeout = 120\n', filename: 'pgbouncer.ini' };
    const state = {
      ...STATE,
      tabs: [
        { id: 'tab-3', number: 3, ...pgbouncer, formatOverride: null, formatFromLink: false },
        {
          id: 'tab-5',
          number: 5,
          text: 'stale',
          filename: null,
          formatOverride: null,
          formatFromLink: false,
        },
      ],
      activeTabId: 'tab-5',
    } as unknown as AppState;
    const storage = memoryStorage();
    saveSnapshot(storage, snapshotOf(state, ''));
    const loaded = loadSnapshot(storage, '') as SessionSnapshot;
    expect(loaded.tabs?.map((t) => t.filename)).toEqual(['pgbouncer.ini', 'db.py']);
    expect(loaded.activeTab).toBe(1);
    const restored = restoredState(loaded, 1);
    expect(restored.tabs?.map((t) => [t.id, t.text])).toEqual([
      ['tab-1', pgbouncer.text],
      ['tab-2', STATE.text],
    ]);
    expect(restored).toMatchObject({
      activeTabId: 'tab-2',
      text: STATE.text,
      filename: 'db.py',
      nextTabNumber: 3,
    });
    // A tab edited since is noticed; a snapshot with a hand-edited tab list is refused.
    expect(persistedChanged({ ...state, tabs: [...state.tabs] } as AppState, state)).toBe(true);
    const raw = JSON.parse(storage.getItem(SESSION_KEY) as string);
    expect(parseSnapshot(JSON.stringify({ ...raw, activeTab: 2 }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...raw, tabs: [{ text: 1 }] }))).toBeNull();
    const { tabs: _tabs, activeTab: _active, ...beforeTabs } = raw;
    expect(restoredState(parseSnapshot(JSON.stringify(beforeTabs)) as SessionSnapshot, 1).tabs).toHaveLength(
      1,
    );
  });

  it('round-trips through storage and restores every kept field, analysed at once', () => {
    const storage = memoryStorage();
    expect(saveSnapshot(storage, snapshot())).toBe(true);
    expect([...storage.data.keys()]).toEqual([SESSION_KEY]);
    const loaded = loadSnapshot(storage, '');
    expect(loaded).toEqual(snapshot());
    const restored = restoredState(loaded as SessionSnapshot, 7);
    expect(restored).toMatchObject({
      text: STATE.text,
      filename: 'db.py',
      formatOverride: 'python',
      environmentInputs: STATE.environmentInputs,
      optIn: true,
      redactInfrastructure: true,
      unredacted: STATE.unredacted,
      manualRedactions: ['db'],
      revision: 8,
      lastChange: 'load',
    });
    // The inputs are parsed again, as when typed.
    expect(restored.environment).toMatchObject({ preset: 'rds', middleboxIdleSeconds: 350 });
  });

  it('lets a share link other than the saved one win', () => {
    const storage = memoryStorage();
    saveSnapshot(storage, snapshot('#v1.own'));
    expect(loadSnapshot(storage, '#v1.own')).not.toBeNull();
    expect(loadSnapshot(storage, '')).not.toBeNull();
    expect(loadSnapshot(storage, '#')).not.toBeNull();
    expect(loadSnapshot(storage, '#v1.other')).toBeNull();
    saveSnapshot(storage, snapshot(''));
    expect(loadSnapshot(storage, '#v1.other')).toBeNull();
  });

  it('keeps a fingerprint of the address bar fragment, not the link', () => {
    const link = '#v1.q1ZKSa0oSS0uUbJSKi1OLVKqBQA';
    expect(fragmentId('')).toBe('');
    expect(fragmentId('#')).toBe('');
    expect(fragmentId(link)).toMatch(/^31:[0-9a-z]+$/);
    expect(fragmentId(link)).toBe(fragmentId(link));
    expect(fragmentId(link)).not.toBe(fragmentId(`${link.slice(0, -1)}B`));
    expect(JSON.stringify(snapshot(link))).not.toContain(link.slice(1));
  });

  it('keeps nothing over the input limit, and drops an older snapshot then', () => {
    const storage = memoryStorage();
    saveSnapshot(storage, snapshot());
    const huge = { ...snapshot(), text: 'x'.repeat(MAX_INPUT_CHARS + 1) };
    expect(saveSnapshot(storage, huge)).toBe(false);
    expect(storage.data.size).toBe(0);
    // Exactly at the limit is still kept.
    expect(saveSnapshot(storage, { ...huge, text: 'x'.repeat(MAX_INPUT_CHARS) })).toBe(true);
  });

  it('never throws when storage fails, and drops the older snapshot', () => {
    const storage = memoryStorage();
    saveSnapshot(storage, snapshot());
    const full = memoryStorage(new DOMException('full', 'QuotaExceededError'));
    full.data.set(SESSION_KEY, storage.data.get(SESSION_KEY) as string);
    expect(saveSnapshot(full, snapshot())).toBe(false);
    expect(full.data.size).toBe(0);
    expect(saveSnapshot(null, snapshot())).toBe(false);
    expect(loadSnapshot(null, '')).toBeNull();
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(loadSnapshot(broken, '')).toBeNull();
    expect(saveSnapshot(broken, snapshot())).toBe(false);
  });

  it('ignores anything that is not a snapshot of this version', () => {
    const good = JSON.parse(JSON.stringify(snapshot()));
    expect(parseSnapshot(JSON.stringify(good))).toEqual(good);
    expect(parseSnapshot(null)).toBeNull();
    expect(parseSnapshot('not json')).toBeNull();
    expect(parseSnapshot('null')).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, version: 2 }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, text: 42 }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, formatOverride: 'cobol' }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, environmentInputs: { preset: 3 } }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, unredacted: ['orders'] }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, manualRedactions: [1] }))).toBeNull();
    expect(parseSnapshot(JSON.stringify({ ...good, fragment: undefined }))).toBeNull();
  });

  it('notices changes to kept fields only', () => {
    expect(persistedChanged({ ...STATE, revision: 9 } as AppState, STATE)).toBe(false);
    expect(persistedChanged({ ...STATE, text: 'x' } as AppState, STATE)).toBe(true);
    expect(persistedChanged({ ...STATE, manualRedactions: [] } as AppState, STATE)).toBe(true);
    expect(persistedChanged({ ...STATE, environmentInputs: {} } as AppState, STATE)).toBe(true);
  });
});
