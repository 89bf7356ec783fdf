import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import type { ConfigEntry } from './model';
import { type PropertyEntry, propertyEntries } from './properties';
import { splitKey, yamlModel } from './yaml';

/**
 * Spring Boot configuration as the binder sees it: every key split into segments and compared the
 * relaxed way (case and `-` / `_` ignored: `keepalive-time`, `keepaliveTime`, `keepalive_time` are one
 * key), per document, with the profile each document activates on. Map keys after
 * `data-source-properties` keep their case: they go to the driver verbatim.
 */
export interface SpringEntry {
  entry: ConfigEntry;
  /** Key segments as written. */
  segments: string[];
  /** Segments compared the relaxed way. */
  norm: string[];
  document: number;
  /** The properties entry (null in YAML). */
  property: PropertyEntry | null;
}

export interface SpringDocument {
  index: number;
  /** `spring.config.activate.on-profile` (or legacy `spring.profiles`), null for the default document. */
  profile: string | null;
  entries: SpringEntry[];
}

export function relaxed(segment: string): string {
  return segment.toLowerCase().replace(/[-_]/g, '');
}

export function sameRelaxed(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => relaxed(s) === relaxed(b[i] ?? ''));
}

export function startsWith(entry: SpringEntry, prefix: readonly string[]): boolean {
  return prefix.every((p, i) => entry.norm[i] === p);
}

export function springEntries(doc: ParsedDocument): SpringEntry[] {
  return doc.memo('jvm.spring.entries', () => {
    if (doc.grammar === 'properties') {
      return propertyEntries(doc).map((p) => {
        const segments = splitKey(p.name);
        return { entry: p, segments, norm: segments.map(relaxed), document: p.document, property: p };
      });
    }
    if (doc.grammar === 'yaml') {
      return yamlModel(doc).leaves.map((p) => ({
        entry: p,
        segments: p.path,
        norm: p.path.map(relaxed),
        document: p.document,
        property: null,
      }));
    }
    return [];
  });
}

const PROFILE_KEYS = [
  ['spring', 'config', 'activate', 'onprofile'],
  ['spring', 'profiles'],
];

export function springDocuments(doc: ParsedDocument): SpringDocument[] {
  return doc.memo('jvm.spring.documents', () => {
    const byIndex = new Map<number, SpringEntry[]>();
    for (const e of springEntries(doc)) {
      const list = byIndex.get(e.document) ?? [];
      list.push(e);
      byIndex.set(e.document, list);
    }
    return [...byIndex.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, entries]) => {
        const profileEntry = entries.find((e) =>
          PROFILE_KEYS.some((k) => k.length === e.norm.length && startsWith(e, k)),
        );
        return { index, profile: profileEntry?.entry.value?.text ?? null, entries };
      });
  });
}
