import { outlineOf, sectionText } from '../../helpers/markdown-outline.ts';
import { findSections, README_SECTIONS } from '../../helpers/readme-sections.ts';
import { isNonAsciiSpace } from '../../helpers/unicode-space.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const STOP_WORDS =
  'a an the of for by to in on from with and or your my its all any this that is are be as at into via using'.split(
    ' ',
  );
/** Verbs readmes and summaries use interchangeably ("Retrieve card templates" for "Get card templates"). */
const SYNONYMS: Record<string, string[]> = {
  get: ['retrieve', 'fetch', 'read', 'return', 'returns', 'gets', 'list', 'lists'],
  create: ['add', 'new', 'insert', 'creates'],
  update: ['edit', 'modify', 'change', 'updates'],
  delete: ['remove', 'deletes'],
};
/**
 * Canonical form of each stop word ('', none) and verb synonym. A Map, not an object: looking a
 * freshly sliced word up as a property key interns it first.
 */
const SPECIAL = new Map<string, string>([
  ...STOP_WORDS.map((w) => [w, ''] as const),
  ...Object.entries(SYNONYMS).flatMap(([verb, synonyms]) => synonyms.map((s) => [s, verb] as const)),
]);
const SYNONYM_LISTS = new Map(Object.entries(SYNONYMS));
const NO_SYNONYMS: readonly string[] = [];
/**
 * Characters that end a word: white space (as `\s` has it) and ASCII punctuation. Words are runs of
 * anything else; a scan of char codes, faster than a regex over every line.
 */
const ASCII_BREAK = new Uint8Array(128);
for (let c = 0x09; c <= 0x0d; c++) ASCII_BREAK[c] = 1;
for (const [from, to] of [
  [0x20, 0x2f],
  [0x3a, 0x40],
  [0x5b, 0x60],
  [0x7b, 0x7e],
])
  for (let c = from!; c <= to!; c++) ASCII_BREAK[c] = 1;

function isBreak(c: number): boolean {
  if (c < 0x80) return ASCII_BREAK[c] === 1;
  return isNonAsciiSpace(c);
}

/** Canonical form of a lower-case word: undefined for stop words, singular, verb synonyms merged. */
function canonical(w: string): string | undefined {
  const special = SPECIAL.get(w);
  if (special !== undefined) return special === '' ? undefined : special;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** Hash of a word, as `scanWords` computes it while reading the characters. */
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** Hashes of the lower-case words whose canonical form is `word`: itself, its plural, its synonyms. */
function addForms(word: string, out: Set<number>): void {
  const h = hashOf(word);
  out.add(h);
  out.add((Math.imul(h, 31) + 0x73) | 0); // `${word}s`
  for (const synonym of SYNONYM_LISTS.get(word) ?? NO_SYNONYMS) out.add(hashOf(synonym));
}

/**
 * Calls `found` with each canonical content word of lower-case text and the index of its line.
 * With `forms`, words whose hash is not in it are skipped without being sliced out of the text.
 */
function scanWords(lower: string, found: (word: string, line: number) => void, forms?: Set<number>): void {
  let line = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (!isBreak(c)) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = (Math.imul(h, 31) + c) | 0;
      continue;
    }
    if (start >= 0) {
      if (!forms || forms.has(h)) {
        const w = canonical(lower.slice(start, i));
        if (w !== undefined) found(w, line);
      }
      start = -1;
    }
    if (c === 0x0a) line++;
  }
}

/** Whether a sorted list of line indexes holds `line`. */
function hasLine(lines: readonly number[], line: number): boolean {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = lines[mid]!;
    if (at === line) return true;
    if (at < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Canonical content words: lower case, no stop words, singular, verb synonyms merged. */
function contentWords(s: string): string[] {
  const out: string[] = [];
  scanWords(s.toLowerCase(), (w) => out.push(w));
  return out;
}

export default defineRule({
  id: 'readme-operations-coverage',
  description: "The readme's Supported Operations section should mention every visible operation.",
  category: 'readme',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Add a `### <summary>` heading with a one-line description for each operation under `## Supported Operations`.',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      if (!file) return;
      const outline = outlineOf(file);
      const sections = findSections(outline, README_SECTIONS.operations);
      const first = sections[0];
      if (!first) return;
      let text = '';
      for (let i = 0; i < sections.length; i++) {
        const h = sections[i]!;
        text += `${i > 0 ? '\n' : ''}${h.text}\n${sectionText(outline, h)}`;
      }
      const lower = text.toLowerCase();
      // An operation is mentioned when all the content words of its summary appear on one line of the
      // section (a heading, a list item, a table row). Only the words of summaries are indexed.
      const summaries: (string[] | undefined)[] = [];
      const forms = new Set<number>();
      // Per wanted word, the lines it is on, in increasing order.
      const linesWith = new Map<string, number[]>();
      for (const op of c.operations) {
        const summary = op.visibility === 'internal' || op.deprecated ? undefined : op.summary?.trim();
        const needed = summary ? contentWords(summary) : undefined;
        summaries.push(needed);
        for (const w of needed ?? []) {
          if (linesWith.has(w)) continue;
          linesWith.set(w, []);
          addForms(w, forms);
        }
      }
      if (linesWith.size > 0) {
        scanWords(
          lower,
          (w, line) => {
            const list = linesWith.get(w);
            if (list && list[list.length - 1] !== line) list.push(line);
          },
          forms,
        );
      }
      const mentioned = (needed: string[]) => {
        if (needed.length === 0) return false;
        let candidates: number[] | undefined;
        for (const w of needed) {
          const list = linesWith.get(w)!;
          if (list.length === 0) return false;
          if (!candidates || list.length < candidates.length) candidates = list;
        }
        return (candidates ?? []).some((i) => needed.every((w) => hasLine(linesWith.get(w)!, i)));
      };
      // Mentioned by its operationId or by the words of its summary. The summary is checked first:
      // searching the section for each operationId costs more than the word index.
      const missing = c.operations.filter((op, i) => {
        if (op.visibility === 'internal' || op.deprecated) return false;
        const needed = summaries[i];
        if (needed && mentioned(needed)) return false;
        if (op.id && lower.includes(op.id.toLowerCase())) return false;
        return needed ? true : op.id !== undefined;
      });
      if (missing.length === 0) return;
      const shown = missing.slice(0, 5).map((op) => `\`${op.summary?.trim() || op.label}\``);
      if (missing.length > 5) shown.push(`${missing.length - 5} more`);
      ctx.report({
        message: `The readme's Supported Operations section does not mention ${missing.length} of ${c.operations.length} operations: ${shown.join(', ')}.`,
        at: { file: 'readme', line: first.line },
      });
    },
  },
});
