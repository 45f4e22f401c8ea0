/**
 * What a connector says about itself to AI models (runtime spec §4.29), as MCP tools use it:
 * `x-ms-name-for-model` and `x-ms-description-for-model` (Power Fx's names for what a model sees) on
 * operations and parameters, and `x-ms-require-user-confirmation` on an operation or in its
 * `x-ms-openai-data.operations[]` entry (where real connectors write it).
 */
import { isObject, type JsonObject, own, ownString } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';

export function nameForModel(raw: JsonObject): string | undefined {
  return ownString(raw, 'x-ms-name-for-model')?.trim() || undefined;
}

export function descriptionForModel(raw: JsonObject): string | undefined {
  return ownString(raw, 'x-ms-description-for-model')?.trim() || undefined;
}

/** True when the connector asks for the user's confirmation before the operation runs. */
export function requiresConfirmation(operation: Operation): boolean {
  if (own(operation.raw, 'x-ms-require-user-confirmation') === true) return true;
  const entries = own(own(operation.raw, 'x-ms-openai-data'), 'operations');
  if (!Array.isArray(entries)) return false;
  return entries.some(
    (entry) =>
      isObject(entry) &&
      own(entry, 'operationId') === operation.id &&
      own(entry, 'x-ms-require-user-confirmation') === true,
  );
}
