import { relative, resolve, sep } from 'node:path';
import type { Severity } from '../rule.ts';

/** GitHub's annotation commands for each severity (`info` becomes a notice). */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/** A command's message: `%`, CR and LF escaped as the runner expects. */
function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command's property value: as data, plus `:` and `,`, which separate properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** Where annotation paths start: the repository root in a workflow (`GITHUB_WORKSPACE`), else the working folder. */
export function annotationRoot(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

export interface Annotation {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly title: string;
  readonly message: string;
}

/**
 * One GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`), its file given
 * from `root`, as GitHub matches annotations to the files of the repository.
 */
export function githubAnnotation(a: Annotation, root: string): string {
  const properties = [`file=${escapeProperty(relative(root, resolve(a.file)).split(sep).join('/'))}`];
  if (a.line !== undefined) properties.push(`line=${a.line}`);
  if (a.column !== undefined) properties.push(`col=${a.column}`);
  properties.push(`title=${escapeProperty(a.title)}`);
  return `::${COMMAND[a.severity]} ${properties.join(',')}::${escapeData(a.message)}`;
}
