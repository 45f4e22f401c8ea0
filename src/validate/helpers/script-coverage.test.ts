import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { scriptCoverage } from './script-coverage.ts';

const connector = (properties: unknown) =>
  connectorFromFiles([
    { name: 'apiProperties.json', bytes: new TextEncoder().encode(JSON.stringify({ properties })) },
  ]);

describe('scriptCoverage', () => {
  it('reads scriptOperations', () => {
    const c = scriptCoverage(connector({ scriptOperations: ['A', 1, 'B'] }));
    expect(c.source).toBe('scriptOperations');
    expect(c.operations).toEqual([
      { id: 'A', pointer: '/properties/scriptOperations/0' },
      { id: 'B', pointer: '/properties/scriptOperations/2' },
    ]);
  });
  it('falls back to the older script.operationIds', () => {
    const c = scriptCoverage(connector({ script: { language: 'CSharpScript', operationIds: ['A'] } }));
    expect([c.source, c.pointer]).toEqual(['script.operationIds', '/properties/script/operationIds']);
  });
  it('reports no list as source none', () => {
    expect(scriptCoverage(connector({})).source).toBe('none');
    expect(scriptCoverage(connector({ scriptOperations: 'A' })).operations).toEqual([]);
  });
});
