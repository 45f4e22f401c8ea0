import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const tasklane = new URL('../../../examples/tasklane', import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), 'flowport-cli-pr-'));

describe('flowport pr', () => {
  it('writes the connector folder into a clone of the repository and the description to a file', async () => {
    const repo = tmp();
    const body = join(tmp(), 'pr.md');
    const run = await runCli(['pr', tasklane, '--kind', 'certified', '--repo', repo, '-o', body]);
    expect(run.code).toBe(0);
    const folder = join(repo, 'certified-connectors', 'Tasklane');
    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
    expect(run.stdout).toContain('Title: Tasklane');
    expect(run.stdout).toContain(
      `Wrote ${folder}: apiDefinition.swagger.json (new), apiProperties.json (new), readme.md (new).`,
    );
    expect(run.stdout).toContain('Not for the repository: icon.png, intro.md');
    expect(readFileSync(body, 'utf8')).toContain('- [x] The definition passes the certification rules');
    // Again: compared with the version now in the repository, nothing changes.
    const again = await runCli(['pr', tasklane, '--kind', 'certified', '--repo', repo]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('The files are the same as the version in the repository.');
    expect(again.stderr).toContain('apiDefinition.swagger.json (unchanged)');
  });

  it('writes nothing into the repository when the pipeline would refuse the connector, unless forced', async () => {
    const repo = tmp();
    const run = await runCli(['pr', tasklane, '--kind', 'independent-publisher', '--repo', repo]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('**Not yet: 1 error.**');
    expect(run.stderr).toContain(
      `Wrote nothing into ${repo}: 1 finding at --fail-on error (--force writes anyway).`,
    );
    expect(existsSync(join(repo, 'independent-publisher-connectors'))).toBe(false);
    const forced = await runCli([
      'pr',
      tasklane,
      '--kind',
      'independent-publisher',
      '--repo',
      repo,
      '--force',
    ]);
    expect(forced.code).toBe(1);
    expect(readdirSync(join(repo, 'independent-publisher-connectors', 'Tasklane'))).not.toContain('icon.png');
  });

  it('asks which submission it is when the folder does not say, and names a --base it cannot read', async () => {
    const run = await runCli(['pr', tasklane]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`--kind certified`');
    const base = await runCli(['pr', tasklane, '--kind', 'certified', '--base', 'no-such-revision']);
    expect(base.code).toBe(2);
    expect(base.stderr).toContain('Revision `no-such-revision` is unknown');
  });

  it('gives the checklist as JSON', async () => {
    const run = await runCli(['pr', tasklane, '--kind', 'certified', '-f', 'json']);
    const json = JSON.parse(run.stdout) as { checklist: { id: string; state: string }[]; body: string };
    expect(json.checklist.find((c) => c.id === 'validation')?.state).toBe('done');
    expect(json.body).toContain('### Checklist');
  });
});
