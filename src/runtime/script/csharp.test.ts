import { describe, expect, it } from 'vitest';
import { scriptedConnector } from './_test-connector.ts';
import { assertRunnable } from './csharp.ts';

const CSX = 'public class Script : ScriptBase {}';

function check(files: Record<string, string>, operationId: string) {
  const connector = scriptedConnector(files, { scriptOperations: ['GetParcel'] });
  return () => assertRunnable(connector, connector.operation(operationId)!);
}

describe('assertRunnable', () => {
  it('refuses an operation that `script.csx` covers, saying how to go on', () => {
    expect(check({ 'script.csx': CSX }, 'GetParcel')).toThrow(
      expect.objectContaining({
        code: 'CUSTOM_CODE_UNSUPPORTED',
        message:
          'Operation `GetParcel` runs C# custom code (script.csx), which flowport cannot execute; run it in the Power Platform or port the code to script.ts — see docs/runtime/custom-code.md.',
      }),
    );
  });

  it.each([
    ['an operation `scriptOperations` leaves out', { 'script.csx': CSX }, 'ListEvents'],
    [
      'an operation with a `script.ts` port beside `script.csx`',
      { 'script.csx': CSX, 'script.ts': '' },
      'GetParcel',
    ],
    ['an operation of a connector without custom code', {}, 'GetParcel'],
  ])('lets %s run', (_name, files, operationId) => {
    expect(check(files, operationId)).not.toThrow();
  });
});
