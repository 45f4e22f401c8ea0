import { outlineOf, sectionText } from '../../helpers/markdown-outline.ts';
import { findSections, README_SECTIONS } from '../../helpers/readme-sections.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const STOP_WORDS = new Set(
  'a an the of for by to in on from with and or your my its all any this that is are be as at into via using'.split(
    ' ',
  ),
);
/** Verbs readmes and summaries use interchangeably ("Retrieve card templates" for "Get card templates"). */
const VERBS = new Map(
  Object.entries({
    get: ['retrieve', 'fetch', 'read', 'return', 'returns', 'gets', 'list', 'lists'],
    create: ['add', 'new', 'insert', 'creates'],
    update: ['edit', 'modify', 'change', 'updates'],
    delete: ['remove', 'deletes'],
  }).flatMap(([verb, synonyms]) => synonyms.map((s) => [s, verb] as const)),
);
// Runs of anything but white space and ASCII punctuation (faster than Unicode property classes).
const WORD = /[^\s!-/:-@[-`{-~]+/g;

/** Canonical content words: lower case, no stop words, singular, verb synonyms merged. */
function contentWords(s: string): string[] {
  const out: string[] = [];
  for (const [w] of s.toLowerCase().matchAll(WORD)) {
    if (STOP_WORDS.has(w)) continue;
    out.push(VERBS.get(w) ?? (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  }
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
      const text = sections.map((h) => `${h.text}\n${sectionText(outline, h)}`).join('\n');
      const lower = text.toLowerCase();
      // An operation is mentioned when all the content words of its summary appear on one line of the
      // section (a heading, a list item, a table row). Index the lines by word to keep this linear.
      const lineWords: Set<string>[] = [];
      const linesWith = new Map<string, number[]>();
      for (const line of text.split('\n')) {
        const set = new Set(contentWords(line));
        const index = lineWords.push(set) - 1;
        for (const w of set) {
          const list = linesWith.get(w);
          if (list) list.push(index);
          else linesWith.set(w, [index]);
        }
      }
      const mentioned = (name: string) => {
        const needed = contentWords(name);
        if (needed.length === 0) return false;
        let candidates: number[] | undefined;
        for (const w of needed) {
          const list = linesWith.get(w);
          if (!list) return false;
          if (!candidates || list.length < candidates.length) candidates = list;
        }
        return (candidates ?? []).some((i) => needed.every((w) => lineWords[i]?.has(w)));
      };
      const missing = c.operations.filter((op) => {
        if (op.visibility === 'internal' || op.deprecated) return false;
        if (op.id && lower.includes(op.id.toLowerCase())) return false;
        const summary = op.summary?.trim();
        return summary ? !mentioned(summary) : op.id !== undefined;
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
