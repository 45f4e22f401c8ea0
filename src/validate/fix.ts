/**
 * `flowport validate --fix`: the edits rules offer (`Report.edit`), made in the connector's JSON
 * files with jsonc-parser's `modify`, which keeps the file's indentation, line ends, key order and
 * comments, and touches nothing but the values changed.
 */
import { writeFileSync } from 'node:fs';
import {
  applyEdits,
  type FormattingOptions,
  type Edit as JsoncEdit,
  type Node as JsoncNode,
  modify,
  parseTree,
} from 'jsonc-parser';
import type { JsonValue } from '../connector/json.ts';
import { split } from '../connector/pointer.ts';
import { FlowportError } from '../errors.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Edit } from './rule.ts';

/**
 * `--fix` makes changes in passes, validating again after each, until no finding offers one or this
 * many passes were made (ESLint's limit): a change can bring another (a summary's trailing `?`
 * dropped, then its words capitalised), and two changes of one value wait for each other.
 */
export const MAX_FIX_PASSES = 10;

export interface FileFix {
  /** The file as findings name it. */
  readonly file: string;
  /** Its text with the changes made. */
  readonly after: string;
}

/** Indentation and line ends as the file has them (two spaces and `\n` when it cannot tell). */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * A JSON pointer as jsonc-parser's path (array items by number), and the node there when there is
 * one, read from the text's tree; of a key written twice in one object the last counts, as for
 * `JSON.parse` (jsonc-parser's `findNodeAtLocation` takes the first, which nothing reads).
 */
export interface Place {
  readonly path: (string | number)[];
  /** The value there, when there is one. */
  readonly node: JsoncNode | undefined;
  /** The object or array holding it. */
  readonly parent: JsoncNode | undefined;
}

export function locate(root: JsoncNode | undefined, pointer: string): Place | undefined {
  const path: (string | number)[] = [];
  let node = root;
  let parent: JsoncNode | undefined;
  for (const segment of split(pointer)) {
    parent = node;
    if (node?.type === 'array') {
      const index = Number(segment);
      if (!/^(0|[1-9]\d*)$/.test(segment) || index >= (node.children?.length ?? 0)) return undefined;
      path.push(index);
      node = node.children?.[index];
    } else {
      path.push(segment);
      const member =
        node?.type === 'object'
          ? node.children?.findLast((m) => m.children?.[0]?.value === segment)
          : undefined;
      node = member?.children?.[1];
    }
  }
  return { path, node, parent };
}

/**
 * The text of one JSON file with the edits of `findings` made, one per pointer (the first wins; a
 * different change of the same place is left for the next pass, see {@link MAX_FIX_PASSES}), and
 * the text edits of parse findings (a byte order mark, a comment, a trailing comma); edits whose place
 * is not in the text are skipped. `fixed` counts the findings whose edit was made.
 */
export function fixText(text: string, findings: readonly Diagnostic[]): { after: string; fixed: number } {
  // jsonc-parser would not read past a byte order mark: values are found in the text after it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const formatting = formattingOf(body);
  // Setting values moves no array item, so the places in the text as it was hold for every edit.
  const tree = parseTree(body, [], { allowTrailingComma: true });
  const byPointer = new Map<string, Place & { value: JsonValue | undefined }>();
  const textual: JsoncEdit[] = [];
  const textKeys = new Set<string>();
  let fixed = 0;
  let fixedTextually = 0;
  for (const d of findings) {
    const edit = d.edit;
    if (!edit) continue;
    if ('offset' in edit) {
      const { offset, length, content } = edit;
      if (offset < 0 || offset + length > text.length) continue;
      const key = `${offset}:${length}:${content}`;
      if (!textKeys.has(key)) textual.push({ offset, length, content });
      textKeys.add(key);
      fixedTextually++;
      continue;
    }
    // The same change again (a shared definition found from many places) is fixed with the first;
    // another change of the same value (two rules on one summary) waits for the next pass.
    const value = editValue(edit);
    const earlier = byPointer.get(edit.pointer);
    if (earlier) {
      if (sameJson(earlier.value, value)) fixed++;
      continue;
    }
    const place = locate(tree, edit.pointer);
    if (!place || !changeable(place, value)) continue;
    byPointer.set(edit.pointer, { ...place, value });
    fixed++;
  }
  const changes = [...byPointer.entries()];
  // Each edit computed on the text as it is, and all made in one pass unless two share text (two
  // neighbours removed): then the text edits first, and the others one after the other, each on the
  // text the one before left.
  const all = [...changes.flatMap(([, c]) => shifted(textEdits(body, c, formatting), bom)), ...textual];
  if (!overlapping(all)) return { after: spliced(text, all), fixed: fixed + fixedTextually };
  const textFirst = !overlapping(textual);
  let after = textFirst ? spliced(text, textual) : text;
  for (const [pointer, { value }] of changes) after = changedAt(after, pointer, value, formatting);
  return { after, fixed: fixed + (textFirst ? fixedTextually : 0) };
}

/** Edits of a text after a byte order mark, as offsets of the whole text. */
function shifted(edits: readonly JsoncEdit[], by: number): JsoncEdit[] {
  return by === 0 ? [...edits] : edits.map((e) => ({ ...e, offset: e.offset + by }));
}

/**
 * `text` (JSON, comments and formatting kept) with the value at `pointer` set, indented as the text
 * is; as it was when neither the value nor an object to add it to is there.
 */
export function withValueAt(text: string, pointer: string, value: JsonValue): string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return changedAt(text, pointer, value, formattingOf(text.slice(bom)));
}

/** `text` with the value at `pointer` set (or removed), located anew; as it was when it is not there. */
function changedAt(
  text: string,
  pointer: string,
  value: JsonValue | undefined,
  formatting: FormattingOptions,
): string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bom);
  const place = locate(parseTree(body, [], { allowTrailingComma: true }), pointer);
  if (!place || !changeable(place, value)) return text;
  return text.slice(0, bom) + applyEdits(body, textEdits(body, { ...place, value }, formatting));
}

/** The value an edit sets; undefined for a removal. */
function editValue(edit: Exclude<Edit, { offset: number }>): JsonValue | undefined {
  return 'remove' in edit ? undefined : edit.value;
}

/** Whether the text has the place an edit needs: the value to remove, or an object to add it to. */
function changeable(place: Place, value: JsonValue | undefined): boolean {
  return place.node !== undefined || (value !== undefined && place.parent?.type === 'object');
}

/**
 * The text edits setting `value` at a place (removing it when undefined): a string or number
 * replaced in place, a member added after the object's last one; `modify` (which parses the whole
 * text each time) for anything else, removals included.
 */
function textEdits(
  text: string,
  c: Place & { value: JsonValue | undefined },
  formatting: FormattingOptions,
): JsoncEdit[] {
  const { node, parent, value } = c;
  if (value === undefined) {
    const removed = node && removedItem(node);
    return removed ? [removed] : modify(text, c.path, undefined, { formattingOptions: formatting });
  }
  if (
    node &&
    node.type !== 'object' &&
    node.type !== 'array' &&
    (typeof value !== 'object' || value === null)
  )
    return [{ offset: node.offset, length: node.length, content: JSON.stringify(value) }];
  const key = c.path.at(-1);
  const added =
    !node && parent && typeof key === 'string'
      ? addedMember(text, parent, key, value, formatting)
      : undefined;
  return added ? [added] : modify(text, c.path, value, { formattingOptions: formatting });
}

/** A text change: `length` characters at `offset` (of the text as read, a byte order mark included) replaced. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/**
 * The text changes each finding's edit makes on its own, in one JSON file's text (for SARIF `fixes`,
 * which a viewer applies one at a time): findings without an edit, or whose place is not in the
 * text, have none.
 */
export function findingTextEdits(
  text: string,
  findings: readonly Diagnostic[],
): Map<Diagnostic, readonly TextEdit[]> {
  const edits = new Map<Diagnostic, readonly TextEdit[]>();
  if (!findings.some((d) => d.edit)) return edits;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const formatting = formattingOf(body);
  const tree = parseTree(body, [], { allowTrailingComma: true });
  for (const d of findings) {
    if (!d.edit) continue;
    if ('offset' in d.edit) {
      const { offset, length, content } = d.edit;
      if (offset >= 0 && offset + length <= text.length) edits.set(d, [{ offset, length, content }]);
      continue;
    }
    const value = editValue(d.edit);
    const place = locate(tree, d.edit.pointer);
    if (!place || !changeable(place, value)) continue;
    const made = textEdits(body, { ...place, value }, formatting);
    edits.set(
      d,
      made.map((e) => ({ offset: e.offset + bom, length: e.length, content: e.content })),
    );
  }
  return edits;
}

function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A member added after the last one of a non-empty object, on its own line with the last one's
 * indentation (or on the same line, in compact JSON); undefined for an empty object or anything else.
 */
function addedMember(
  text: string,
  parent: JsoncNode,
  key: string,
  value: JsonValue,
  formatting: FormattingOptions,
): JsoncEdit | undefined {
  const last = parent.type === 'object' ? parent.children?.at(-1) : undefined;
  if (!last) return undefined;
  const lineStart =
    Math.max(text.lastIndexOf('\n', last.offset - 1), text.lastIndexOf('\r', last.offset - 1)) + 1;
  const before = text.slice(lineStart, last.offset);
  const eol = formatting.eol ?? '\n';
  const unit = formatting.insertSpaces ? ' '.repeat(formatting.tabSize ?? 2) : '\t';
  const member = `${JSON.stringify(key)}: ${JSON.stringify(value, null, unit)}`;
  const content = /^[ \t]*$/.test(before)
    ? `,${eol}${before}${member.replaceAll('\n', `${eol}${before}`)}`
    : `, ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  return { offset: last.offset + last.length, length: 0, content };
}

/**
 * The text removing a value: an object's member (key and value) or an array's item, with the comma
 * and spaces that go with it, so that the lines around keep their layout: up to the next one, or
 * from the one before when it is the last; an only one leaves `{}` or `[]`.
 */
function removedItem(node: JsoncNode): JsoncEdit | undefined {
  const item = node.parent?.type === 'property' ? node.parent : node;
  const container = item.parent;
  const siblings = container?.children;
  if (!container || !siblings) return undefined;
  const at = siblings.indexOf(item);
  if (at < 0) return undefined;
  const next = siblings[at + 1];
  const previous = siblings[at - 1];
  if (next) return { offset: item.offset, length: next.offset - item.offset, content: '' };
  if (previous) {
    const from = previous.offset + previous.length;
    return { offset: from, length: item.offset + item.length - from, content: '' };
  }
  return { offset: container.offset + 1, length: container.length - 2, content: '' };
}

/**
 * The text with edits that share no text made in one pass (jsonc-parser's `applyEdits` copies the
 * whole text once per edit); edits at one offset keep their order.
 */
function spliced(text: string, edits: readonly JsoncEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.offset - b.e.offset || a.e.length - b.e.length || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const { e } of sorted) {
    parts.push(text.slice(at, e.offset), e.content);
    at = e.offset + e.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether two text edits share text (then they must be made one after the other). */
function overlapping(edits: readonly JsoncEdit[]): boolean {
  // As `applyEdits` sorts them: edits that only meet (an insertion at the end of a replaced value,
  // two members added to one object) are made in order; only edits sharing text overlap.
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as JsoncEdit;
    if ((sorted[i] as JsoncEdit).offset < prev.offset + prev.length) return true;
  }
  return false;
}

/** Saves fixed files; one that cannot be written is a `USAGE` error naming it (the others are saved). */
export function writeFixes(fixes: readonly FileFix[]): void {
  for (const f of fixes) {
    try {
      writeFileSync(f.file, f.after);
    } catch (cause) {
      throw new FlowportError(
        'USAGE',
        `Cannot write \`${f.file}\` to fix it (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}): make it writable, or validate without --fix.`,
        { cause },
      );
    }
  }
}
