import pc from 'picocolors';

/** A few lines of `text` around `line` with a marker under `column`, like compilers print. */
export function codeFrame(text: string, line: number, column: number, length = 1, color = false): string {
  const c = color ? pc : { dim: (s: string) => s, red: (s: string) => s, bold: (s: string) => s };
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = (lines[n - 1] ?? '').replace(/\t/g, ' ');
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
