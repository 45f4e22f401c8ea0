import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { buildDeployer, type CommandRunner, findOnPath } from './deployer-build.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'flowport-deployer-'));

describe('findOnPath', () => {
  it('finds an executable file on PATH, and not a folder or a file that cannot run', () => {
    const [a, b] = [tmp(), tmp()];
    writeFileSync(join(a, 'pac'), 'not executable');
    mkdirSync(join(a, 'dotnet'));
    writeFileSync(join(b, 'pac'), '#!/bin/sh\n');
    chmodSync(join(b, 'pac'), 0o755);
    const path = [a, b].join(delimiter);
    expect(findOnPath('pac', path)).toBe(join(b, 'pac'));
    expect(findOnPath('dotnet', path)).toBeUndefined();
  });
});

describe('buildDeployer', () => {
  const solution = join(tmp(), 'Connector.zip');
  writeFileSync(solution, 'zip');

  it('runs init, add-solution per solution and publish, and reads the zip publish made', () => {
    const calls: string[] = [];
    const run: CommandRunner = (command, args, cwd) => {
      calls.push([command, ...args.map((a) => (a.startsWith('/') ? '<path>' : a))].join(' '));
      if (args[0] === 'publish') {
        mkdirSync(join(cwd, 'bin/Release'), { recursive: true });
        writeFileSync(join(cwd, 'bin/Release/Contoso.1.0.0.pdpkg.zip'), 'built');
      }
      return { status: 0, output: '' };
    };
    const built = buildDeployer({
      name: 'Contoso',
      solutions: [solution, solution],
      pac: 'pac',
      dotnet: 'dotnet',
      run,
    });
    expect(calls).toEqual([
      'pac package init --outputDirectory <path> --package-name Contoso',
      'pac package add-solution --path <path>',
      'pac package add-solution --path <path>',
      'dotnet publish --configuration Release',
    ]);
    expect(built.name).toBe('Contoso.1.0.0.pdpkg.zip');
    expect(Buffer.from(built.bytes).toString()).toBe('built');
  });

  it('fails with the step and the end of its output, or when publish leaves no package', () => {
    const attempt = (run: CommandRunner) => {
      try {
        buildDeployer({ name: 'Contoso', solutions: [solution], pac: 'pac', dotnet: 'dotnet', run });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const failed = attempt((_c, args) =>
      args[1] === 'add-solution'
        ? { status: 1, output: `${'noise\n'.repeat(30)}Error: not a solution` }
        : { status: 0, output: '' },
    );
    expect(isFlowportError(failed) && failed.code).toBe('PACKAGE_BUILD_FAILED');
    expect((failed as Error).message).toContain('`pac package add-solution --path');
    expect((failed as Error).message).toContain('exited with 1:\n  …\n');
    expect((failed as Error).message).toContain('Error: not a solution');
    const nothing = attempt(() => ({ status: 0, output: '' }));
    expect((nothing as Error).message).toContain('left no `.pdpkg.zip` file');
    const unstartable = attempt(() => ({ status: null, output: 'spawn pac ENOENT' }));
    expect((unstartable as Error).message).toContain('could not start');
  });
});
