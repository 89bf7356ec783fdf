import type { Node } from 'web-tree-sitter';
import type { ParsedDocument } from '../../../wasm-parsers/parser-host';
import { declarators, elements, stringValue, unwrap } from './syntax';

/**
 * What a local name stands for when it comes from a module: `import pg from 'pg'` (default),
 * `import * as pg from 'pg'` and `const pg = require('pg')` (the module itself, `*`),
 * `import { Pool as P } from 'pg'`, `const { Pool } = require('pg')`, `const Pool = require('pg').Pool`.
 */
export interface ModuleBinding {
  local: string;
  module: string;
  /** `default`, `*` (the module object) or an export's name. */
  imported: string;
  node: Node;
}

function requiredModule(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === 'await_expression') {
    const inner = elements(n)[0];
    return inner ? dynamicImport(inner) : null;
  }
  if (n.type !== 'call_expression') return null;
  const fn = n.childForFieldName('function');
  const args = n.childForFieldName('arguments');
  if (fn?.type !== 'identifier' || fn.text !== 'require' || !args) return null;
  const first = elements(args)[0];
  return first ? stringValue(first) : null;
}

function dynamicImport(node: Node): string | null {
  if (node.type !== 'call_expression') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (fn?.type !== 'import' || !args) return null;
  const first = elements(args)[0];
  return first ? stringValue(first) : null;
}

/** Every module binding in the file, by local name (the last one wins); computed once per document. */
export function moduleBindings(doc: ParsedDocument): Map<string, ModuleBinding> {
  return doc.memo('js.moduleBindings', () => {
    const out = new Map<string, ModuleBinding>();
    const add = (local: string, module: string, imported: string, node: Node) =>
      out.set(local, { local, module, imported, node });

    for (const statement of doc.root.descendantsOfType('import_statement')) {
      if (!statement) continue;
      const source = stringValue(statement.childForFieldName('source'));
      if (source === null) continue;
      const clause = statement.namedChildren.find((n) => n?.type === 'import_clause');
      if (!clause) continue;
      for (const part of clause.namedChildren) {
        if (!part) continue;
        if (part.type === 'identifier') add(part.text, source, 'default', part);
        else if (part.type === 'namespace_import') {
          const id = part.namedChildren.find((n) => n?.type === 'identifier');
          if (id) add(id.text, source, '*', part);
        } else if (part.type === 'named_imports') {
          for (const spec of part.namedChildren) {
            if (spec?.type !== 'import_specifier') continue;
            const name = spec.childForFieldName('name');
            const alias = spec.childForFieldName('alias');
            const imported = name ? (name.type === 'string' ? stringValue(name) : name.text) : null;
            if (imported) add((alias ?? name)?.text ?? imported, source, imported, spec);
          }
        }
      }
    }

    for (const list of declarators(doc).values()) {
      for (const binding of list) {
        const value = unwrap(binding.value);
        const direct = requiredModule(value);
        if (direct) {
          add(binding.name, direct, '*', binding.declarator);
          continue;
        }
        if (value.type === 'member_expression') {
          const object = value.childForFieldName('object');
          const property = value.childForFieldName('property');
          const module = object ? requiredModule(object) : null;
          if (module && property) add(binding.name, module, property.text, binding.declarator);
        }
      }
    }

    // `const { Pool, Client: C } = require('pg')` (declarators with a pattern on the left).
    for (const declarator of doc.root.descendantsOfType('variable_declarator')) {
      const name = declarator?.childForFieldName('name');
      const value = declarator?.childForFieldName('value');
      if (!declarator || name?.type !== 'object_pattern' || !value) continue;
      const module = requiredModule(value);
      if (!module) continue;
      for (const part of name.namedChildren) {
        if (!part) continue;
        if (part.type === 'shorthand_property_identifier_pattern')
          add(part.text, module, part.text, declarator);
        else if (part.type === 'pair_pattern') {
          const key = part.childForFieldName('key');
          const local = part.childForFieldName('value');
          if (key && local?.type === 'identifier') add(local.text, module, key.text, declarator);
        }
      }
    }
    return out;
  });
}

/** Names the file defines itself (classes, functions, non-require declarators): not a library's. */
export function locallyDefined(doc: ParsedDocument, name: string): boolean {
  const defined = doc.memo('js.localNames', () => {
    const names = new Set<string>();
    for (const node of doc.root.descendantsOfType([
      'class_declaration',
      'function_declaration',
      'generator_function_declaration',
    ])) {
      const id = node?.childForFieldName('name');
      if (id) names.add(id.text);
    }
    const modules = moduleBindings(doc);
    for (const [local, list] of declarators(doc)) {
      if (!modules.has(local) && list.length > 0) names.add(local);
    }
    return names;
  });
  return defined.has(name);
}

/**
 * Which export of which module a callee (`Pool`, `pg.Pool`, `postgres`) names. A bare name that the
 * file neither imports nor defines is taken as `fallback` (a pasted snippet: `new Pool({...})`).
 */
export function resolveCallee(
  doc: ParsedDocument,
  callee: Node,
  fallback: (name: string, namespace: string | null) => { module: string; imported: string } | null,
): { module: string; imported: string } | null {
  const bindings = moduleBindings(doc);
  const n = unwrap(callee);
  if (n.type === 'identifier') {
    const binding = bindings.get(n.text);
    if (binding) return { module: binding.module, imported: binding.imported };
    if (locallyDefined(doc, n.text)) return null;
    return fallback(n.text, null);
  }
  if (n.type === 'member_expression') {
    const object = n.childForFieldName('object');
    const property = n.childForFieldName('property');
    if (!object || !property) return null;
    if (object.type === 'identifier') {
      const binding = bindings.get(object.text);
      if (binding) {
        return binding.imported === '*' || binding.imported === 'default'
          ? { module: binding.module, imported: property.text }
          : null;
      }
      if (locallyDefined(doc, object.text)) return null;
      return fallback(property.text, object.text);
    }
    const module = requiredModuleOf(object);
    return module ? { module, imported: property.text } : null;
  }
  return null;
}

function requiredModuleOf(node: Node): string | null {
  return requiredModule(node);
}
