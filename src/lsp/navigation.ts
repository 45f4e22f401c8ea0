/**
 * Finding one's way in a large swagger: its outline (operations by `operationId`, definitions,
 * parameters, responses), a `$ref`'s target, and the `$ref`s that point at a definition. Read with
 * jsonc-parser's tolerant tree, so they work while the text is half typed.
 */
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import {
  type DocumentSymbol,
  type Location,
  type Range,
  SymbolKind,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join, refToPointer, split } from '../connector/pointer.ts';
import { documentTree, member, members, nodeAt, nodeRange, stringOf } from './document-tree.ts';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);

/** What the outline shows under each top-level member of a swagger, and as what. */
const SECTIONS: Readonly<Record<string, SymbolKind>> = {
  definitions: SymbolKind.Class,
  parameters: SymbolKind.Variable,
  responses: SymbolKind.Interface,
  securityDefinitions: SymbolKind.Key,
};

const stringAt = (node: Node | undefined, key: string) => stringOf(member(node, key));

/** The outline of a swagger: paths with their operations, then definitions, parameters, responses. */
export function documentSymbols(document: TextDocument): DocumentSymbol[] {
  const root = documentTree(document);
  const symbol = (
    name: string,
    kind: SymbolKind,
    key: Node,
    value: Node,
    detail?: string,
    children?: DocumentSymbol[],
  ) => ({
    name: name === '' ? '""' : name,
    kind,
    range: nodeRange(document, key.parent ?? value),
    selectionRange: nodeRange(document, key),
    ...(detail && { detail }),
    ...(children && { children }),
  });
  const out: DocumentSymbol[] = [];
  for (const [key, value] of members(root)) {
    const name = String(key.value);
    if (name === 'paths') {
      const paths = members(value).map(([pathKey, item]) => {
        const operations = members(item)
          .filter(([k]) => METHODS.has(String(k.value).toLowerCase()))
          .map(([method, operation]) =>
            symbol(
              stringAt(operation, 'operationId') ?? `${String(method.value).toUpperCase()} ${pathKey.value}`,
              SymbolKind.Method,
              method,
              operation,
              `${String(method.value).toUpperCase()}${stringAt(operation, 'summary') ? ` · ${stringAt(operation, 'summary')}` : ''}`,
            ),
          );
        return symbol(String(pathKey.value), SymbolKind.Namespace, pathKey, item, undefined, operations);
      });
      out.push(symbol(name, SymbolKind.Module, key, value, undefined, paths));
    } else if (SECTIONS[name] !== undefined) {
      const kind = SECTIONS[name];
      const children = members(value).map(([k, v]) =>
        symbol(String(k.value), kind, k, v, stringAt(v, 'title')),
      );
      out.push(symbol(name, SymbolKind.Module, key, value, undefined, children));
    }
  }
  return out;
}

/** The local `$ref` string under `offset`, and its target's pointer. */
function refAt(root: Node | undefined, offset: number): string | undefined {
  const node = root && findNodeAtOffset(root, offset);
  const property = node?.parent;
  if (node?.type !== 'string' || property?.type !== 'property' || property.children?.[1] !== node)
    return undefined;
  if (property.children?.[0]?.value !== '$ref' || typeof node.value !== 'string') return undefined;
  return refToPointer(node.value);
}

/** Where the local `$ref` under `position` points: the member it names, key and value. */
export function refTarget(document: TextDocument, offset: number): Location | undefined {
  const root = documentTree(document);
  const pointer = refAt(root, offset);
  if (pointer === undefined || !root) return undefined;
  const target = nodeAt(root, pointer);
  if (!target) return undefined;
  return {
    uri: document.uri,
    range: nodeRange(document, target.parent?.type === 'property' ? target.parent : target),
  };
}

/** What a `$ref` names, or the member whose key is under the cursor: its pointer and its member. */
interface Subject {
  readonly pointer: string;
  /** The member (key and value), when it exists. */
  readonly declaration: Node | undefined;
}

function subjectAt(root: Node, offset: number): Subject | undefined {
  const pointer = refAt(root, offset);
  if (pointer !== undefined) {
    const target = nodeAt(root, pointer);
    return { pointer, declaration: target?.parent?.type === 'property' ? target.parent : target };
  }
  const node = findNodeAtOffset(root, offset);
  const property = node?.parent;
  // A member's key two levels down (`definitions` → `Task`): the only things `$ref`s name here.
  if (!node || property?.type !== 'property' || property.children?.[0] !== node) return undefined;
  const section = property.parent?.parent;
  if (section?.type !== 'property' || section.parent !== root) return undefined;
  return {
    pointer: join('', String(section.children?.[0]?.value), String(node.value)),
    declaration: property,
  };
}

/** The value nodes of every local `$ref` to `pointer`. */
function refsTo(root: Node, pointer: string): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    const value =
      node.type === 'property' && node.children?.[0]?.value === '$ref' ? node.children[1] : undefined;
    if (value && typeof value.value === 'string' && refToPointer(value.value) === pointer) found.push(value);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

/**
 * The `$ref`s pointing at the member whose key (or a `$ref` to it) is under `offset`: every use of a
 * definition, parameter or response; the member itself too when `withDeclaration`.
 */
export function refUses(document: TextDocument, offset: number, withDeclaration: boolean): Location[] {
  const root = documentTree(document);
  const subject = root && subjectAt(root, offset);
  if (!root || !subject) return [];
  const uses = refsTo(root, subject.pointer).map((n) => ({
    uri: document.uri,
    range: nodeRange(document, n),
  }));
  if (withDeclaration && subject.declaration)
    uses.unshift({ uri: document.uri, range: nodeRange(document, subject.declaration) });
  return uses;
}

/** Sections whose members can be renamed: flows never see these names (schemas are inlined). */
const RENAMEABLE = new Set(['definitions', 'parameters', 'responses']);

/** The key of the renameable member under the cursor (on its key or a `$ref` to it). */
export function renameRange(
  document: TextDocument,
  offset: number,
): { range: Range; placeholder: string } | undefined {
  const root = documentTree(document);
  const subject = root && subjectAt(root, offset);
  const segments = subject ? split(subject.pointer) : [];
  const key = subject?.declaration?.type === 'property' ? subject.declaration.children?.[0] : undefined;
  if (!key || segments.length !== 2 || !RENAMEABLE.has(segments[0] ?? '')) return undefined;
  return { range: nodeRange(document, key), placeholder: String(key.value) };
}

/**
 * Renames a definition, parameter or response and every `$ref` to it; a message instead when the
 * name is taken or the cursor is on nothing renameable.
 */
export function renameEdits(
  document: TextDocument,
  offset: number,
  name: string,
): { edits: TextEdit[] } | { refused: string } {
  const root = documentTree(document);
  const subject = root && subjectAt(root, offset);
  const [section, old] = subject ? split(subject.pointer) : [];
  const key = subject?.declaration?.type === 'property' ? subject.declaration.children?.[0] : undefined;
  if (!root || !subject || !key || !section || old === undefined || !RENAMEABLE.has(section))
    return { refused: 'Only definitions, parameters and responses can be renamed here.' };
  if (name === '') return { refused: 'A name cannot be empty.' };
  if (name !== old && members(member(root, section)).some(([k]) => k.value === name))
    return { refused: `\`${section}\` already has \`${name}\`; choose another name.` };
  const target = `#${join('', section, name)}`;
  return {
    edits: [
      { range: nodeRange(document, key), newText: JSON.stringify(name) },
      ...refsTo(root, subject.pointer).map((n) => ({
        range: nodeRange(document, n),
        newText: JSON.stringify(target),
      })),
    ],
  };
}

/** Each operation of a swagger tree by `operationId`: its method's member (key and value). */
function operationsOf(root: Node | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const [key, paths] of members(root)) {
    if (key.value !== 'paths') continue;
    for (const [, item] of members(paths))
      for (const [method, operation] of members(item)) {
        const id = METHODS.has(String(method.value).toLowerCase())
          ? stringAt(operation, 'operationId')
          : undefined;
        if (id !== undefined && !out.has(id) && method.parent) out.set(id, method.parent);
      }
  }
  return out;
}

/**
 * The `operationId` a string under the cursor names, when it refers to an operation rather than
 * declaring one: in a swagger, the `operationId` of dynamic values and schemas, of `testConnection`,
 * of a deprecated operation's replacement…; in `apiProperties.json`, the operations of a policy
 * template instance and `scriptOperations`.
 */
export function operationRefAt(
  document: TextDocument,
  offset: number,
  file: 'swagger' | 'apiProperties',
): { readonly id: string; readonly range: Range } | undefined {
  const root = documentTree(document);
  const node = root && findNodeAtOffset(root, offset);
  if (node?.type !== 'string' || typeof node.value !== 'string' || !node.parent) return undefined;
  const at = { id: node.value, range: nodeRange(document, node) };
  if (file === 'apiProperties') {
    const list = node.parent.type === 'array' ? node.parent.parent : undefined;
    const name = list?.type === 'property' ? list.children?.[0]?.value : undefined;
    return name === 'scriptOperations' || name === 'x-ms-apimTemplate-operationName' ? at : undefined;
  }
  const property = node.parent;
  if (
    property.type !== 'property' ||
    property.children?.[1] !== node ||
    property.children[0]?.value !== 'operationId'
  )
    return undefined;
  // The operation's own `operationId` declares it: its object is a method member of a path item.
  const owner = property.parent?.parent;
  const declares =
    owner?.type === 'property' &&
    METHODS.has(String(owner.children?.[0]?.value).toLowerCase()) &&
    owner.parent?.parent?.parent?.parent?.parent === root;
  return declares ? undefined : at;
}

/** The `operationId`s of `swagger`'s operations, in document order. */
export function operationIdsOf(swagger: TextDocument): string[] {
  return [...operationsOf(documentTree(swagger)).keys()];
}

/** Where operation `id` is declared in `swagger`. */
export function operationTarget(swagger: TextDocument, id: string): Location | undefined {
  const member = operationsOf(documentTree(swagger)).get(id);
  return member ? { uri: swagger.uri, range: nodeRange(swagger, member) } : undefined;
}

/** What an operation reference names, for hover: its method, path and summary. */
export function operationSummary(swagger: TextDocument, id: string): string | undefined {
  const member = operationsOf(documentTree(swagger)).get(id);
  const [method, operation] = member?.children ?? [];
  const path = member?.parent?.parent?.children?.[0]?.value;
  if (!method || !operation) return undefined;
  const summary = stringAt(operation, 'summary');
  const description = stringAt(operation, 'description');
  return [
    `**${id}** · \`${String(method.value).toUpperCase()} ${String(path)}\``,
    ...(summary ? ['', summary] : []),
    ...(description && description !== summary ? ['', description] : []),
  ].join('\n');
}
