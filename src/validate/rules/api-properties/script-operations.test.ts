import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../../connector/load.ts';
import { runRules } from '../../engine.ts';
import { messages, pointers, runRule, withOperation } from '../../testing.ts';
import coverage from './script-operations-coverage.ts';
import unknown from './script-operations-unknown.ts';
import withoutScript from './script-operations-without-script.ts';

const script =
  'public class Script : ScriptBase { public override Task<HttpResponseMessage> ExecuteAsync() { return null; } }';
const files = (properties: Record<string, unknown>, withScript = true) => ({
  swagger: withOperation({}),
  apiProperties: { properties: { iconBrandColor: '#123456', ...properties } },
  ...(withScript && { script }),
});

describe('script-operations-unknown', () => {
  it('reports ids that are not operationIds', () => {
    expect(messages(unknown, files({ scriptOperations: ['ListTasks', 'listTasks', 'postCall'] }))).toEqual([
      '`scriptOperations` lists `listTasks`; the operationId is `ListTasks` (case-sensitive).',
      '`scriptOperations` lists `postCall`, which is not an operationId of the swagger.',
    ]);
  });
  it('checks the older `script.operationIds` list too', () => {
    expect(
      pointers(unknown, files({ script: { language: 'CSharpScript', operationIds: ['Nope'] } })),
    ).toEqual(['/properties/script/operationIds/0']);
  });
  it('reports a list that is not an array', () => {
    expect(messages(unknown, files({ scriptOperations: 'ListTasks' }))).toEqual([
      '`scriptOperations` is a string; it must be an array of operationIds.',
    ]);
  });
  it('accepts existing operations', () => {
    expect(runRule(unknown, files({ scriptOperations: ['ListTasks'] }))).toEqual([]);
  });
});

describe('script-operations-without-script', () => {
  it('reports operations for custom code without script.csx', () => {
    expect(messages(withoutScript, files({ scriptOperations: ['ListTasks'] }, false))).toEqual([
      '`scriptOperations` lists operations for custom code, but the connector has no `script.csx`.',
    ]);
  });
  it('names a script saved under another name', () => {
    const connector = connectorFromFiles([
      {
        name: 'apiProperties.json',
        bytes: new TextEncoder().encode('{"properties":{"scriptOperations":["A"]}}'),
      },
      { name: 'Script.cs', bytes: new Uint8Array() },
    ]);
    const [d] = runRules(connector, [{ rule: withoutScript, severity: 'error' }], 'recommended').diagnostics;
    expect(d?.message).toBe(
      '`scriptOperations` lists operations for custom code, but the code is in `Script.cs`; only `script.csx` is uploaded.',
    );
  });
  it('accepts an empty list without a script, and a list with one', () => {
    expect(runRule(withoutScript, files({ scriptOperations: [] }, false))).toEqual([]);
    expect(runRule(withoutScript, files({ scriptOperations: ['ListTasks'] }))).toEqual([]);
  });
});

describe('script-operations-coverage', () => {
  it('says that a script without scriptOperations runs for every operation', () => {
    expect(messages(coverage, files({}))).toEqual([
      '`apiProperties.json` has no `scriptOperations`, so `script.csx` runs for every operation (1).',
    ]);
    expect(messages(coverage, files({ scriptOperations: [] }))).toEqual([
      '`scriptOperations` is empty, so `script.csx` runs for every operation (1).',
    ]);
  });
  it('names operations that bypass the script', () => {
    const swagger = withOperation({}, '/tasks', 'get', {});
    const paths = {
      ...(swagger.paths as object),
      '/other': { get: { operationId: 'Other', responses: {} } },
    };
    const found = messages(coverage, {
      ...files({ scriptOperations: ['ListTasks'] }),
      swagger: { ...swagger, paths },
    });
    expect(found).toEqual(['`script.csx` runs for 1 of 2 operations; `Other` go straight to the backend.']);
  });
  it('says nothing without a script or when every operation is listed', () => {
    expect(runRule(coverage, files({}, false))).toEqual([]);
    expect(runRule(coverage, files({ scriptOperations: ['ListTasks'] }))).toEqual([]);
  });
});
