import { describe, expect, it } from 'vitest';
import { scriptedConnector } from './_test-connector.ts';
import { scriptFor } from './load.ts';

const CSX = 'public class Script : ScriptBase {}';
const TS = 'export default class Script {}';

/** `operationId → language/file` for every operation of the connector. */
function coverage(files: Record<string, string>, properties: Record<string, unknown> = {}) {
  const connector = scriptedConnector(files, properties);
  return Object.fromEntries(
    connector.operations.map((op) => {
      const script = scriptFor(connector, op);
      return [op.id, script ? `${script.language} ${script.file.name}` : 'backend'];
    }),
  );
}

describe('scriptFor', () => {
  it.each([
    ['no script', {}, {}, { GetParcel: 'backend', ListEvents: 'backend' }],
    [
      '`script.csx` and no `scriptOperations`',
      { 'script.csx': CSX },
      {},
      { GetParcel: 'csharp script.csx', ListEvents: 'csharp script.csx' },
    ],
    [
      '`script.ts` and an empty `scriptOperations`',
      { 'script.ts': TS },
      { scriptOperations: [] },
      { GetParcel: 'typescript script.ts', ListEvents: 'typescript script.ts' },
    ],
    [
      '`script.ts` and `scriptOperations` in another case',
      { 'script.ts': TS },
      { scriptOperations: ['listevents'] },
      { GetParcel: 'backend', ListEvents: 'typescript script.ts' },
    ],
    [
      'both files, where the TypeScript port wins',
      { 'script.csx': CSX, 'script.ts': TS },
      { scriptOperations: ['GetParcel'] },
      { GetParcel: 'typescript script.ts', ListEvents: 'backend' },
    ],
    [
      '`scriptOperations` without any script',
      {},
      { scriptOperations: ['GetParcel'] },
      { GetParcel: 'backend', ListEvents: 'backend' },
    ],
  ])('finds the code for each operation with %s', (_name, files, properties, expected) => {
    expect(coverage(files, properties)).toEqual(expected);
  });
});
