import { titleCaseViolation } from './display-name-style.ts';
import { MINOR, sentenceCaseIssue } from './sentence-case.ts';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `text` with the first whole-word `word` (not inside a longer word) replaced; undefined when none. */
function replaceWord(text: string, word: string, replacement: string): string | undefined {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + word.length);
    if ((before === '' || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after)))
      return text.slice(0, i) + replacement + text.slice(i + word.length);
  }
  return undefined;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const lowerFirst = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);
/** A capitalised word of up to seven letters, standing alone. */
const SMALL_WORD = /(?<![\p{L}\p{N}])[A-Z][a-z]{0,6}(?![\p{L}\p{N}])/gu;

/**
 * `text` in title case as `parameter-summary-title-case` checks it (`Due date` → `Due Date`), each
 * offending word capitalised; undefined when that does not make it pass.
 */
export function titleCased(text: string): string | undefined {
  let out = text;
  for (let guard = 0; guard < 64; guard++) {
    const word = titleCaseViolation(out);
    if (word === undefined) return out === text ? undefined : out;
    const next = replaceWord(out, word, capitalised(word));
    if (next === undefined) return undefined;
    out = next;
  }
  return undefined;
}

/**
 * `text` in sentence case as `operation-summary-sentence-case` checks it (`Get User Profile` → `Get
 * user profile`): wrongly capitalised words lower-cased, a lower-case first word capitalised. Text in
 * upper case has none (acronyms cannot be told from words), nor text the change does not make pass.
 */
export function sentenceCased(text: string, names: ReadonlySet<string>): string | undefined {
  const issue = sentenceCaseIssue(text, names);
  if (!issue || issue.kind === 'upper-case') return undefined;
  let out: string | undefined = text;
  if (issue.kind === 'lower-case-start') out = replaceWord(text, issue.word, capitalised(issue.word));
  else {
    for (const word of issue.words)
      out = out === undefined ? undefined : replaceWord(out, word, lowerFirst(word));
    // Capitalised small words after the first (`Get A Task By Id`): the rule lets them be, a person would not.
    out = out?.replace(SMALL_WORD, (word: string, at: number) =>
      at > 0 && MINOR.has(word.toLowerCase()) ? lowerFirst(word) : word,
    );
  }
  return out !== undefined && sentenceCaseIssue(out, names) === undefined ? out : undefined;
}
