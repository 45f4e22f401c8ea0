import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { configSchema } from './config-schema.ts';
import { CUSTOM_FUNCTIONS } from './custom-functions.ts';
import { RULES } from './registry.ts';

const schema = configSchema() as {
  properties: {
    rules: { properties: Record<string, { enum: string[] }> };
    customRules: {
      additionalProperties: {
        properties: { then: { oneOf: { properties?: { function: { enum: string[] } } }[] } };
      };
    };
  };
};

describe('the JSON Schema of flowport.config.json', () => {
  it('is the one schemas/ ships (run `npm run docs`)', () => {
    const shipped = readFileSync(
      new URL('../../schemas/flowport.config.schema.json', import.meta.url),
      'utf8',
    );
    expect(shipped).toBe(`${JSON.stringify(configSchema(), null, 2)}\n`);
  });

  it("names every rule, by its id and Microsoft's, with the levels parseConfig takes", () => {
    const named = schema.properties.rules.properties;
    for (const rule of RULES) {
      expect(named[rule.id]?.enum).toEqual(['error', 'warning', 'info', 'off', 'on']);
      if (rule.microsoftId) expect(named[rule.microsoftId]).toBeDefined();
      // What the schema offers, parseConfig accepts.
      expect(() => parseConfig({ rules: { [rule.id]: 'off' } }, 'c.json')).not.toThrow();
    }
  });

  it('offers the functions custom rules have', () => {
    const check = schema.properties.customRules.additionalProperties.properties.then.oneOf[0];
    expect(check?.properties?.function.enum).toEqual(Object.keys(CUSTOM_FUNCTIONS));
  });
});
