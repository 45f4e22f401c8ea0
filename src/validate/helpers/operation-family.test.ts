import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { annotationOf, operationFamilies, revisionText } from './operation-family.ts';

const op = (id: string, annotation: unknown) => ({
  operationId: id,
  'x-ms-api-annotation': annotation,
  responses: { '200': { description: 'OK' } },
});
const connector = (paths: Record<string, unknown>) =>
  connectorFromFiles(
    [
      {
        name: 'apiDefinition.swagger.json',
        bytes: new TextEncoder().encode(JSON.stringify(swagger({ paths }))),
      },
    ],
    { source: 'test', kind: 'unknown' },
  );

describe('operationFamilies', () => {
  it('groups operations by family in document order and memoises the result', () => {
    const c = connector({
      '/a': { get: op('GetTask', { family: 'GetTask', revision: 1, status: 'Production' }) },
      '/b': { get: op('GetTask_V2', { family: 'GetTask', revision: 2 }) },
      '/c': { get: op('Other', { status: 'Preview' }) },
      '/d': { get: op('Broken', 'not an object') },
    });
    const families = operationFamilies(c);
    expect([...families.keys()]).toEqual(['GetTask']);
    expect(families.get('GetTask')?.map((a) => [a.operation.id, a.revision, a.status])).toEqual([
      ['GetTask', 1, 'production'],
      ['GetTask_V2', 2, undefined],
    ]);
    expect(operationFamilies(c)).toBe(families);
  });
  it('reads an annotation leniently', () => {
    const c = connector({ '/a': { get: op('A', { family: ' ', revision: null }) } });
    expect(annotationOf(c.operations[0]!)).toMatchObject({ family: undefined, revision: undefined });
    expect([revisionText(' 2 '), revisionText(3), revisionText(undefined)]).toEqual(['2', '3', undefined]);
  });
});
