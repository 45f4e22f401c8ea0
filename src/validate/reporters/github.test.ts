import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.ts';
import { sampleDiagnostic, sampleResult } from '../testing.ts';
import { formatGithub } from './github.ts';

const finding = (over: Partial<Diagnostic>) =>
  sampleDiagnostic({ file: '/repo/connectors/tasks/apiDefinition.swagger.json', ...over });

const result = (diagnostics: Diagnostic[], source = '/repo/connectors/tasks') =>
  sampleResult(source, diagnostics);

describe('formatGithub', () => {
  it('writes one annotation command per finding, with the path from the repository root', () => {
    const out = formatGithub(
      [
        result([
          finding({}),
          finding({ severity: 'error', ruleId: 'consumes-missing', microsoftId: 'ConsumesMissing' }),
          finding({
            severity: 'info',
            line: undefined,
            column: undefined,
            pointer: undefined,
            fix: undefined,
          }),
        ]),
      ],
      '/repo',
    ).split('\n');
    expect(out).toEqual([
      '::warning file=connectors/tasks/apiDefinition.swagger.json,line=12,col=7,title=flowport operation-summary-missing::Operation `ListTasks` has no `summary`.%0AAdd a `summary`.%0AValuePath: /paths/~1tasks/get',
      '::error file=connectors/tasks/apiDefinition.swagger.json,line=12,col=7,title=flowport consumes-missing (ConsumesMissing)::Operation `ListTasks` has no `summary`.%0AAdd a `summary`.%0AValuePath: /paths/~1tasks/get',
      '::notice file=connectors/tasks/apiDefinition.swagger.json,title=flowport operation-summary-missing::Operation `ListTasks` has no `summary`.',
      'flowport: 1 error(s), 1 warning(s), 1 info in 1 connector',
    ]);
  });

  it('escapes what would end a property or the command: %, CR, LF, and in properties : and ,', () => {
    const [line] = formatGithub(
      [
        result([
          finding({ file: '/repo/a,b:c%/apiDefinition.swagger.json', message: '50% done\r\nnext: line' }),
        ]),
      ],
      '/repo',
    ).split('\n');
    expect(line).toBe(
      '::warning file=a%2Cb%3Ac%25/apiDefinition.swagger.json,line=12,col=7,title=flowport operation-summary-missing::50%25 done%0D%0Anext: line%0AAdd a `summary`.%0AValuePath: /paths/~1tasks/get',
    );
    // A runner splits a command at its first `::` after the properties and the line at LF.
    expect(line?.split('\n')).toHaveLength(1);
  });

  it('takes relative paths from the working folder and counts connectors without findings', () => {
    const out = formatGithub(
      [result([finding({ file: 'x/apiDefinition.swagger.json' })]), result([], 'y')],
      process.cwd(),
    );
    expect(out.split('\n')[0]).toContain('file=x/apiDefinition.swagger.json,');
    expect(out.split('\n').at(-1)).toBe('flowport: 0 error(s), 1 warning(s), 0 info in 2 connectors');
  });
});
