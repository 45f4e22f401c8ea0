/**
 * A text's lines, found once: a report shows lines of the same file for thousands of findings, and
 * splitting the whole text for each of them made the text report of the corpus take ten times as
 * long as validating it. Lines are what `text.split(/\r?\n/)` gives.
 */
export class SourceLines {
  readonly text: string;
  /** Where each line starts; a line ends at the next `\n` (and a `\r` just before it). */
  private readonly starts: Int32Array;

  constructor(text: string) {
    this.text = text;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.starts = starts;
  }

  /** Number of lines: one more than the line breaks. */
  get count(): number {
    return this.starts.length;
  }

  /** The 1-based line and column (UTF-16 code units) of an offset in the text. */
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** Line `n` (1-based) without its line break, or undefined past the last line. */
  line(n: number): string | undefined {
    if (!Number.isInteger(n) || n < 1 || n > this.starts.length) return undefined;
    const start = this.starts[n - 1] as number;
    if (n === this.starts.length) return this.text.slice(start);
    let end = (this.starts[n] as number) - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return this.text.slice(start, end);
  }
}
