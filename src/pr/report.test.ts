import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../connector/load.ts';
import { prBody } from './body.ts';
import { prReport } from './report.ts';

const tasklane = new URL('../../examples/tasklane', import.meta.url).pathname;
const brightdesk = new URL('../../examples/brightdesk', import.meta.url).pathname;

/** A copy of tasklane changed by `edit` (its swagger as an object). */
function tasklaneWith(edit: (swagger: { paths: Record<string, Record<string, unknown>> }) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'flowport-pr-')), 'tasklane');
  cpSync(tasklane, dir, { recursive: true });
  const path = join(dir, 'apiDefinition.swagger.json');
  const swagger = JSON.parse(readFileSync(path, 'utf8'));
  edit(swagger);
  writeFileSync(path, JSON.stringify(swagger, null, 2));
  return dir;
}

describe('prReport', () => {
  it('gives a certified submission its folder, the files the repository keeps and a checklist the rules tick', () => {
    const report = prReport(loadConnectorSync(tasklane), { kind: 'certified' });
    expect(report.title).toBe('Tasklane');
    expect(report.folder).toBe('certified-connectors/Tasklane');
    expect(report.files.map((f) => f.name)).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
    expect(report.leftOut).toEqual(['icon.png', 'intro.md']);
    expect(report.validation.summary.error).toBe(0);
    expect(Object.fromEntries(report.checklist.map((c) => [c.item.id, c.state]))).toEqual({
      'not-on-platform': 'to-confirm',
      'operations-tested': 'to-confirm',
      'operations-answer': 'to-confirm',
      descriptions: 'done',
      'response-schemas': 'done',
      validation: 'done',
      'no-secrets': 'done',
      brand: 'done',
    });
  });

  it("checks an independent publisher's folder as the pipeline sees it: no icon, and its brand colour", () => {
    const report = prReport(loadConnectorSync(tasklane), { kind: 'independent-publisher' });
    expect(report.title).toBe('Tasklane (Independent Publisher)');
    expect(report.folder).toBe('independent-publisher-connectors/Tasklane');
    const brand = report.checklist.find((c) => c.item.id === 'independent-publisher-brand');
    expect(brand?.state).toBe('failed');
    // The icon stays out of the folder, so only the colour is wrong.
    expect(brand?.errors.map((d) => d.ruleId)).toEqual(['brand-color-independent-publisher']);
    expect(report.checklist.map((c) => c.item.id)).toContain('independent-publisher-screenshots');
    expect(report.checklist.map((c) => c.item.id)).not.toContain('independent-publisher-oauth');
    // An OAuth sign-in asks for the app's set-up steps.
    const oauth = prReport(loadConnectorSync(brightdesk), { kind: 'independent-publisher' });
    expect(oauth.checklist.find((c) => c.item.id === 'independent-publisher-oauth')?.state).toBe(
      'to-confirm',
    );
  });

  it("writes the description: ticked, failed with the findings at the repository's file names, to confirm", () => {
    const body = prBody(prReport(loadConnectorSync(tasklane), { kind: 'independent-publisher' }));
    expect(body).toContain('- [x] Every operation has a response schema, unless it is dynamic.');
    expect(body).toContain(
      '- [ ] The brand colour is `#da3b01` and the folder holds no icon. **Not yet: 1 error.**',
    );
    expect(body).toMatch(/ {2}- `brand-color-independent-publisher` .*\(apiProperties\.json:\d+:\d+\)/);
    expect(body).toMatch(/- \[ \] The connector does not exist on the Power Platform yet.*<!-- Search/);
    expect(body).toContain('### Screenshots');
    expect(body).not.toContain(tasklane); // no path of the submitter's machine
  });

  it('lists what breaks existing flows since the base version, and says how certification classes the update', () => {
    const removed = tasklaneWith((swagger) => {
      delete swagger.paths['/tasks/{taskId}'];
    });
    try {
      const report = prReport(loadConnectorSync(removed), {
        kind: 'certified',
        base: { connector: loadConnectorSync(tasklane), label: '`origin/dev`' },
      });
      expect(report.breaking?.result.changes.map((c) => c.kind)).toContain('operation-deleted');
      const body = prBody(report);
      expect(body).toContain('### Changes from `origin/dev`');
      expect(body).toMatch(/- `operation\/\w+`: /);
      expect(body).toContain('For certification this is a **major** update.');
      const same = prReport(loadConnectorSync(tasklane), {
        kind: 'certified',
        base: { connector: loadConnectorSync(tasklane), label: 'the version in the repository' },
      });
      expect(prBody(same)).toContain('The files are the same as the version in the repository.');
    } finally {
      rmSync(removed, { recursive: true, force: true });
    }
  });
});
