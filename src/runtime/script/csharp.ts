import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { scriptFor } from './load.ts';

/**
 * Throws `CUSTOM_CODE_UNSUPPORTED` when `operation` is covered by C# custom code (`script.csx`) and
 * no `script.ts` port exists: flowport has no .NET host, and sending the request to the backend
 * instead would silently skip whatever the script does.
 */
export function assertRunnable(connector: Connector, operation: Operation): void {
  if (scriptFor(connector, operation)?.language !== 'csharp') return;
  throw new FlowportError(
    'CUSTOM_CODE_UNSUPPORTED',
    `Operation \`${operation.label}\` runs C# custom code (script.csx), which flowport cannot execute; run it in the Power Platform or port the code to script.ts — see docs/runtime/custom-code.md.`,
  );
}
