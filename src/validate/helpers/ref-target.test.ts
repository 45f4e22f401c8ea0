import { describe, expect, it } from 'vitest';
import { testConnector } from './_test-connector.ts';
import { refTargetMissing } from './ref-target.ts';

const connector = testConnector({
  swagger: '2.0',
  paths: {},
  parameters: { Id: { name: 'id', in: 'path', type: 'string' } },
  definitions: { Pet: { type: 'object' }, 'A/B': { type: 'string' } },
});

describe('refTargetMissing', () => {
  it('finds definitions, parameters and escaped names', () => {
    expect(refTargetMissing(connector, '#/definitions/Pet')).toBe(false);
    expect(refTargetMissing(connector, '#/parameters/Id')).toBe(false);
    expect(refTargetMissing(connector, '#/definitions/A~1B')).toBe(false);
  });
  it('reports a reference to nothing, also when asked again', () => {
    expect(refTargetMissing(connector, '#/definitions/Cat')).toBe(true);
    expect(refTargetMissing(connector, '#/definitions/Cat')).toBe(true);
  });
  it('does not call references that are not local missing', () => {
    expect(refTargetMissing(connector, 'other.json#/definitions/Pet')).toBe(false);
  });
});
