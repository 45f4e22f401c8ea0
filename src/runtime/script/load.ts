import type { Connector, ConnectorFile, CustomCodeLanguage, Operation } from '../../connector/model.ts';

/** The custom code that runs for one operation. */
export interface OperationScript {
  readonly language: CustomCodeLanguage;
  readonly file: ConnectorFile;
}

/**
 * The script that runs for `operation`, or undefined when the operation goes straight to the backend.
 * Coverage follows `scriptOperations` (runtime spec §11.2): absent or empty means every operation,
 * otherwise the listed ids, matched case-insensitively. With both `script.ts` and `script.csx`,
 * flowport runs `script.ts`.
 *
 * @example
 * const script = scriptFor(connector, connector.operation('GetInvoice')!);
 * if (script?.language === 'typescript') runner.run({ source: script.file.text ?? '', … });
 */
export function scriptFor(connector: Connector, operation: Operation): OperationScript | undefined {
  const language = operation.customCodeLanguage;
  if (language === undefined) return undefined;
  const file = language === 'typescript' ? connector.files.scriptTs : connector.files.script;
  return file ? { language, file } : undefined;
}
