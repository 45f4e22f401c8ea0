import { describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { readInput } from './input.ts';

describe('readInput', () => {
  const detected = [
    {
      name: 'OpenAPI 3.0 in YAML',
      text: 'openapi: 3.0.3\ninfo: {title: A, version: "1"}\npaths: {}\n',
      format: 'openapi-3.0',
    },
    { name: 'OpenAPI 3.1 in JSON', text: '{"openapi":"3.1.0","info":{},"paths":{}}', format: 'openapi-3.1' },
    { name: 'Swagger 2.0', text: '{"swagger":"2.0","info":{},"paths":{}}', format: 'swagger-2.0' },
    {
      name: 'a Postman v2.1 collection',
      text: '{"info":{"name":"C","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}',
      format: 'postman-2.1',
    },
    { name: 'JSON with a byte-order mark', text: '\uFEFF{"swagger":"2.0"}', format: 'swagger-2.0' },
    {
      name: 'a Postman v2.0 collection (read as v2.1)',
      text: '{"info":{"name":"C","schema":"https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},"item":[]}',
      format: 'postman-2.1',
    },
    { name: 'a HAR', text: '{"log":{"version":"1.2","entries":[]}}', format: 'har' },
    { name: 'curl commands', text: '# List\ncurl https://api.example.com/items', format: 'curl' },
  ];
  for (const c of detected)
    it(`recognises ${c.name}`, () => {
      expect(readInput(c.text).format).toBe(c.format);
    });

  const refused = [
    { name: 'OpenAPI 4', text: '{"openapi":"4.0.0"}', code: 'CONVERT_UNSUPPORTED_VERSION' },
    { name: 'Swagger 1.2', text: '{"swagger":"1.2"}', code: 'CONVERT_UNSUPPORTED_VERSION' },
    {
      name: 'a Postman v1 collection',
      text: '{"info":{"schema":"https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}}',
      code: 'CONVERT_UNSUPPORTED_VERSION',
    },
    { name: 'a list', text: '[1, 2]', code: 'CONVERT_INPUT_INVALID' },
    { name: 'an object that is no description', text: '{"name": "x"}', code: 'CONVERT_INPUT_INVALID' },
    { name: 'broken YAML', text: 'openapi: 3.0.0\n  info: [\n', code: 'CONVERT_INPUT_INVALID' },
  ];
  for (const c of refused)
    it(`refuses ${c.name} with ${c.code}`, () => {
      try {
        readInput(c.text);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(FlowportError);
        expect((e as FlowportError).code).toBe(c.code);
      }
    });

  it('names the line of a YAML error', () => {
    expect(() => readInput('a: 1\nb: [\n', 'api.yaml')).toThrow(/api\.yaml.*line \d+/);
  });
});
