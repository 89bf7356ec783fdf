import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../core/types';
import type { FormatId } from '../../../wasm-parsers/formats';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { type ParsedUri, parseUri } from '../../_lib/connection-string';
import {
  type Binding,
  elements,
  insertPropertiesEdits,
  type Member,
  normalized,
  objectMembers,
  type PlainString,
  plainString,
  readsEnvironment,
  references,
  uniqueBinding,
  unwrap,
  type ValueKind,
  valueKind,
} from './syntax';

/**
 * The options object a constructor or factory receives, as the file shows it: an inline literal or a
 * `const` / `let` bound to one in the same file, with the spreads whose sources the file also shows
 * merged in, and `name.key = value` assignments made after the declaration.
 */
export interface Property {
  key: string;
  value: Node;
  member: Member;
  /** The object literal that holds it. */
  container: Node;
  /** True when the fix may edit it in place: it lives in the options literal itself. */
  editable: boolean;
  /** Set by `name.key = value` after the declaration (never edited). */
  assigned: boolean;
  /** The spread it comes from (`base` for `...base`), when not the literal itself. */
  via: string | null;
}

/** Why a property cannot be edited in place, for messages. */
export function lockedReason(property: Property): string {
  if (property.assigned) return `${property.key} is assigned later in the file`;
  if (property.via)
    return `${property.key} comes from ...${property.via}, which other objects may share; change it there`;
  return `${property.key} is not a plain key: value pair`;
}

export interface OptionsView {
  /** The literal fixes write into. */
  object: Node;
  /** The `const` / `let` the literal is bound to, when passed by name. */
  binding: Binding | null;
  /** Every key the file shows, last occurrence wins (as at run time, up to unknown spreads). */
  properties: Map<string, Property>;
  /** `...x` whose source the file does not show (imported, a parameter, a call). */
  unknownSpreads: Node[];
  /** Keys the file cannot see (computed keys, `Object.assign(name, …)`, `name[k] = …`). */
  hiddenKeys: boolean;
  /**
   * TypeScript checks the literal against a declared type (inline argument, `: T`, `satisfies T`):
   * a key that type lacks fails `tsc`. The declared type's text, `'(contextual)'` for an inline argument.
   */
  typedAs: string | null;
}

function spreadSource(doc: ParsedDocument, argument: Node): { object: Node; binding: Binding } | null {
  const n = unwrap(argument);
  if (n.type !== 'identifier') return null;
  const binding = uniqueBinding(doc, n.text);
  if (!binding) return null;
  const value = unwrap(binding.value);
  return value.type === 'object' ? { object: value, binding } : null;
}

/** How the rest of the file uses a binding: `name.key = v` assignments, or anything that hides keys. */
function usesOf(doc: ParsedDocument, binding: Binding): { assigned: Map<string, Node>; hidden: boolean } {
  const assigned = new Map<string, Node>();
  let hidden = false;
  for (const ref of references(doc, binding.name, binding.declarator)) {
    const parent = ref.parent;
    if (!parent) continue;
    if (
      parent.type === 'assignment_expression' &&
      parent.childForFieldName('left')?.startIndex === ref.startIndex
    ) {
      hidden = true; // reassigned: the literal may not be what reaches the constructor
      continue;
    }
    if (
      parent.type === 'member_expression' &&
      parent.childForFieldName('object')?.startIndex === ref.startIndex
    ) {
      const grand = parent.parent;
      const property = parent.childForFieldName('property');
      if (
        grand &&
        (grand.type === 'assignment_expression' || grand.type === 'augmented_assignment_expression') &&
        grand.childForFieldName('left')?.startIndex === parent.startIndex &&
        property
      ) {
        const right = grand.childForFieldName('right');
        if (right) assigned.set(property.text, right);
      }
      if (grand?.type === 'unary_expression' && grand.child(0)?.text === 'delete') hidden = true;
      continue;
    }
    if (parent.type === 'subscript_expression') {
      const grand = parent.parent;
      if (
        grand?.type === 'assignment_expression' &&
        grand.childForFieldName('left')?.startIndex === parent.startIndex
      )
        hidden = true;
      continue;
    }
    if (parent.type === 'arguments') {
      const call = parent.parent;
      const fn = call?.type === 'call_expression' ? (call.childForFieldName('function')?.text ?? '') : '';
      const first = elements(parent)[0];
      if (
        /(^|\.)(assign|merge|defaults|defaultsDeep|extend|defineProperty|set)$/.test(fn) &&
        first?.startIndex === ref.startIndex
      )
        hidden = true;
    }
  }
  return { assigned, hidden };
}

const PG_TYPES = /^(pg\.|Pg\.)?(PoolConfig|ClientConfig|ConnectionConfig)$/;

/**
 * Builds the view of `arg` (an inline `{...}` or a name bound to one). Null when the file does not show
 * the object: a parameter, an import, a call's result.
 */
export function optionsView(doc: ParsedDocument, format: FormatId, arg: Node): OptionsView | null {
  const n = unwrap(arg);
  let object: Node | null = null;
  let binding: Binding | null = null;
  let typedAs: string | null = null;
  const ts = format === 'typescript' || format === 'tsx';
  if (n.type === 'object') {
    object = n;
    if (ts) typedAs = '(contextual)';
    if (arg.type === 'satisfies_expression') typedAs = elements(arg).at(-1)?.text ?? typedAs;
  } else if (n.type === 'identifier') {
    binding = uniqueBinding(doc, n.text);
    if (!binding || binding.declarator.startIndex > arg.startIndex) return null;
    const value = unwrap(binding.value);
    if (value.type !== 'object') return null;
    object = value;
    if (ts) {
      if (binding.typeAnnotation) typedAs = binding.typeAnnotation;
      else if (binding.value.type === 'satisfies_expression')
        typedAs = elements(binding.value).at(-1)?.text ?? null;
    }
  }
  if (!object) return null;

  const properties = new Map<string, Property>();
  const unknownSpreads: Node[] = [];
  let hiddenKeys = false;
  const seen = new Set<number>();

  const collect = (container: Node, editable: boolean, depth: number, via: string | null) => {
    if (seen.has(container.startIndex) || depth > 5) return;
    seen.add(container.startIndex);
    for (const member of objectMembers(container)) {
      if (member.kind === 'pair' || member.kind === 'shorthand') {
        properties.set(member.key, {
          key: member.key,
          value: member.value,
          member,
          container,
          editable,
          assigned: false,
          via,
        });
      } else if (member.kind === 'spread') {
        const source = spreadSource(doc, member.argument);
        if (source) {
          const uses = usesOf(doc, source.binding);
          if (uses.hidden) hiddenKeys = true;
          collect(source.object, false, depth + 1, via ?? source.binding.name);
        } else if (container === object) {
          unknownSpreads.push(member.node);
        } else {
          hiddenKeys = true;
        }
      } else if (member.kind === 'unknown') {
        hiddenKeys = true;
      }
    }
  };
  collect(object, true, 0, null);

  if (binding) {
    const uses = usesOf(doc, binding);
    if (uses.hidden) hiddenKeys = true;
    for (const [key, value] of uses.assigned) {
      const existing = properties.get(key);
      properties.set(key, {
        key,
        value,
        member: existing?.member ?? { kind: 'unknown', node: value },
        container: object,
        editable: false,
        assigned: true,
        via: null,
      });
    }
  }
  return { object, binding, properties, unknownSpreads, hiddenKeys, typedAs };
}

/** True when the typed literal's declared type is one of @types/pg's (or inline, checked against them). */
export function typedAsPg(view: OptionsView): boolean {
  return (
    view.typedAs === null ||
    view.typedAs === '(contextual)' ||
    PG_TYPES.test(view.typedAs.replace(/\s+/g, ''))
  );
}

/**
 * Edits that add `key: value` properties where they must go: before the first spread the file cannot
 * see (so whatever it holds still wins), else at the end of the literal.
 */
export function insertOptions(text: string, view: OptionsView, props: readonly string[]): TextEdit[] {
  return insertPropertiesEdits(text, view.object, props, view.unknownSpreads[0]);
}

export function kindOf(doc: ParsedDocument, view: OptionsView, key: string): ValueKind | null {
  const property = view.properties.get(key);
  return property ? valueKind(doc, property.value) : null;
}

/** A connection string as the file shows it: literal text, where it is, and whether a fix may edit it. */
export interface ConnectionString {
  value: string;
  parsed: ParsedUri | null;
  literal: PlainString;
  /** The literal is used by this site only (inline, or a `const` referenced once). */
  editable: boolean;
}

/** Resolves a string expression: a literal, or a name bound once to a literal. */
export function resolveString(doc: ParsedDocument, node: Node): ConnectionString | 'env' | null {
  const n = unwrap(node);
  const literal = plainString(n);
  if (literal) return { value: literal.value, parsed: parseUri(literal.value), literal, editable: true };
  if (n.type === 'identifier') {
    const binding = uniqueBinding(doc, n.text);
    if (binding?.kind !== 'const') return null;
    const bound = plainString(unwrap(binding.value));
    if (!bound) return readsEnvironment(binding.value) ? 'env' : null;
    const uses = references(doc, binding.name, binding.declarator);
    return { value: bound.value, parsed: parseUri(bound.value), literal: bound, editable: uses.length === 1 };
  }
  return readsEnvironment(n) ? 'env' : null;
}

/** Where a connection goes: the host's kind (for lifetime / keepalive decisions) and port. */
export type HostKind = 'dns' | 'ip' | 'localhost' | 'socket' | 'unknown';

export function hostKind(host: string | null | undefined): HostKind {
  if (host === null || host === undefined || host === '') return 'unknown';
  if (host.startsWith('/') || host.startsWith('%2F') || host.startsWith('%2f')) return 'socket';
  if (/^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/i.test(host)) return 'localhost';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || /^\[?[0-9a-f]*:[0-9a-f:]+\]?$/i.test(host)) return 'ip';
  return 'dns';
}

/** Text of a target expression (`pool`, `this.pool`) for comparisons, whitespace removed. */
export function targetText(node: Node): string {
  return normalized(node);
}
