import type { JsonObject } from '../connector/json.ts';

export interface ApiPropertiesInput {
  readonly connectionParameters: JsonObject;
  readonly policies: readonly JsonObject[];
  readonly brandColor: string;
  readonly publisher: string | undefined;
  readonly hasTriggers: boolean;
}

/** `apiProperties.json` for a converted connector. */
export function buildApiProperties(input: ApiPropertiesInput): JsonObject {
  const properties: JsonObject = {
    connectionParameters: input.connectionParameters,
    iconBrandColor: input.brandColor,
    capabilities: input.hasTriggers ? ['actions', 'triggers'] : ['actions'],
  };
  if (input.publisher) {
    properties.publisher = input.publisher;
    properties.stackOwner = input.publisher;
  }
  if (input.policies.length > 0) properties.policyTemplateInstances = [...input.policies];
  return { properties };
}
