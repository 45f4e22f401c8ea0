import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { fixFiles } from './fix-files.ts';
import { fixableSwagger } from './testing.ts';
import { validateConnector } from './validate.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const swagger = fixableSwagger('Get Task Details', 'task id?', 4);
const files = [
  { name: 'apiDefinition.swagger.json', bytes: encoder.encode(swagger) },
  { name: 'apiProperties.json', bytes: encoder.encode('\uFEFF{"properties": {"iconBrandColor": "#0AF"}}') },
  { name: 'readme.md', bytes: encoder.encode('# Tasks\n') },
];
const fixable = (f: readonly { name: string; bytes: Uint8Array }[]) =>
  validateConnector(connectorFromFiles(f), { preset: 'certification' }).diagnostics.filter((d) => d.edit);

describe('fixFiles', () => {
  it('makes the changes findings offer in the files, in passes, until none is left', () => {
    expect(fixable(files).length).toBe(6);
    const result = fixFiles(files, { preset: 'certification' });
    expect([...result.changed].sort()).toEqual(['apiDefinition.swagger.json', 'apiProperties.json']);
    // Two changes of the parameter's name (`?` dropped, then title case) take two passes.
    expect(result.fixed).toBe(6);
    expect(fixable(result.files)).toEqual([]);
    const text = (name: string) => decoder.decode(result.files.find((f) => f.name === name)?.bytes);
    const op = JSON.parse(text('apiDefinition.swagger.json')).paths['/tasks/{id}'].get;
    expect(op.summary).toBe('Get task details');
    expect(op.parameters[0]).toMatchObject({ 'x-ms-summary': 'Task Id', 'x-ms-url-encoding': 'single' });
    // Formatting and the other files stay as they were; the byte order mark goes (json-strict).
    expect(text('apiDefinition.swagger.json')).toContain(
      '\n                        "x-ms-url-encoding": "single"\n',
    );
    expect(text('apiProperties.json')).toBe('{"properties": {"iconBrandColor": "#00aaff"}}');
    expect(result.files.find((f) => f.name === 'readme.md')?.bytes).toBe(files[2]?.bytes);
  });

  it('takes the findings of the files as given, when the caller has them, for the first pass', () => {
    const findings = validateConnector(connectorFromFiles(files), { preset: 'certification' }).diagnostics;
    expect(fixFiles(files, { preset: 'certification', findings })).toEqual(
      fixFiles(files, { preset: 'certification' }),
    );
  });

  it('changes nothing when no finding offers a change', () => {
    const once = fixFiles(files, { preset: 'certification' });
    const again = fixFiles(once.files, { preset: 'certification' });
    expect(again).toMatchObject({ fixed: 0, changed: [] });
    expect(again.findings?.length).toBeGreaterThan(0);
    expect(again.files).toEqual(once.files);
  });
});
