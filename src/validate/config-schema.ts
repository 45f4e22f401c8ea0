/**
 * A JSON Schema of flowport.config.json, made from the rule metadata, for editors without
 * `flowport lsp`: with `"$schema": "./node_modules/flowport/schemas/flowport.config.schema.json"`,
 * VS Code's own JSON support completes and checks the config. `npm run docs` writes it.
 */
import { CASE_TYPES, CUSTOM_FUNCTIONS } from './custom-functions.ts';
import { RULES } from './registry.ts';
import { PRESETS, SEVERITIES } from './rule.ts';

const LEVEL = { enum: [...SEVERITIES, 'off', 'on'] };

export function configSchema(): Record<string, unknown> {
  const ruleLevels: Record<string, unknown> = {};
  for (const rule of RULES) {
    ruleLevels[rule.id] = { ...LEVEL, description: rule.description };
    if (rule.microsoftId)
      ruleLevels[rule.microsoftId] = {
        ...LEVEL,
        description: `${rule.description} (Microsoft's name of ${rule.id})`,
      };
  }
  const check = {
    type: 'object',
    required: ['function'],
    additionalProperties: false,
    properties: {
      field: { type: 'string', description: 'A property of the matched value, or "@key" for its name.' },
      function: { enum: Object.keys(CUSTOM_FUNCTIONS) },
      functionOptions: {
        type: 'object',
        properties: {
          type: { enum: CASE_TYPES, description: 'casing: the case.' },
          match: { type: 'string', description: 'pattern: a regular expression the value must match.' },
          notMatch: { type: 'string', description: 'pattern: a regular expression it must not match.' },
          min: { type: 'number', description: 'length: the least.' },
          max: { type: 'number', description: 'length: the most.' },
          values: { type: 'array', description: 'enumeration: the values allowed.' },
          schema: { type: 'object', description: 'schema: the JSON Schema (draft-07) the value must fit.' },
          properties: {
            type: 'array',
            items: { type: 'string' },
            description:
              'xor: the properties of which exactly one must be there; or: of which at least one must.',
          },
          keyedBy: {
            type: 'string',
            description: 'alphabetical: the property a list of objects is sorted by.',
          },
        },
      },
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'flowport.config.json',
    description: 'How flowport validates connectors: the preset, rule settings and your own rules.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      preset: {
        enum: PRESETS,
        description: "The rule set; without it, the one the connector's folder implies.",
      },
      rules: {
        type: 'object',
        description: 'Rules turned off ("off"), on at their own severity ("on"), or given a severity.',
        properties: ruleLevels,
        additionalProperties: { ...LEVEL, description: 'A rule of customRules.' },
      },
      customRules: {
        type: 'object',
        description: 'Your own rules, as Spectral writes them.',
        propertyNames: { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
        additionalProperties: {
          type: 'object',
          required: ['description', 'given', 'then'],
          additionalProperties: false,
          properties: {
            description: { type: 'string', minLength: 1 },
            message: {
              type: 'string',
              description: '{{property}}, {{value}}, {{error}} and {{path}} are filled in.',
            },
            severity: { enum: SEVERITIES },
            file: { enum: ['swagger', 'apiProperties'] },
            given: {
              oneOf: [
                { type: 'string', pattern: '^\\$' },
                { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\$' } },
              ],
            },
            // biome-ignore lint/suspicious/noThenProperty: it describes the config's `then` key (Spectral's).
            then: { oneOf: [check, { type: 'array', items: check }] },
            fix: { type: 'string' },
          },
        },
      },
    },
  };
}
