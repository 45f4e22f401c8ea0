import pc from 'picocolors';
import { SourceLines } from './source-lines.ts';

/**
 * A few lines of `text` around `line` with a marker under `column`, like compilers print. Pass the
 * text's {@link SourceLines} when framing many places of one text: the lines are then found once.
 */
export function codeFrame(
  text: string | SourceLines,
  line: number,
  column: number,
  length = 1,
  color = false,
): string {
  const c = color ? pc : { dim: (s: string) => s, red: (s: string) => s, bold: (s: string) => s };
  const lines = typeof text === 'string' ? new SourceLines(text) : text;
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.count, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = (lines.line(n) ?? '').replace(/\t/g, ' ');
    const clipped = content.length > 160 ? `${content.slice(0, 157)}...` : content;
    const gutter = `${String(n).padStart(width)} |`;
    if (n === line) {
      out.push(`${c.red('>')} ${c.dim(gutter)} ${clipped}`);
      const caret =
        ' '.repeat(Math.max(0, Math.min(column - 1, 160))) + '^'.repeat(Math.max(1, Math.min(length, 40)));
      out.push(`  ${c.dim(`${' '.repeat(width)} |`)} ${c.red(caret)}`);
    } else out.push(`  ${c.dim(gutter)} ${clipped}`);
  }
  return out.join('\n');
}
