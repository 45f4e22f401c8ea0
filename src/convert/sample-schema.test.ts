import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../connector/json.ts';
import { responseConformance } from '../runtime/response-conformance.ts';
import { memoryConnector } from '../runtime/testing.ts';
import { schemaFromSamples } from './sample-schema.ts';

describe('schemaFromSamples', () => {
  it('merges every array item: properties seen once, nulls, integers mixed with decimals', () => {
    const { schema, notes } = schemaFromSamples([
      {
        value: [
          { id: 1, title: 'A', due_at: '2026-11-29T10:00:00Z', score: 1 },
          { id: 2, title: null, score: 2.5, web_url: 'https://tasklane.example/t/2' },
        ],
        nextLink: null,
      },
    ]);
    expect(schema).toEqual({
      type: 'object',
      properties: {
        value: {
          type: 'array',
          'x-ms-summary': 'Value',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer', 'x-ms-summary': 'ID' },
              title: { type: 'string', 'x-nullable': true, 'x-ms-summary': 'Title' },
              due_at: { type: 'string', format: 'date-time', 'x-ms-summary': 'Due at' },
              score: { type: 'number', 'x-ms-summary': 'Score' },
              web_url: { type: 'string', format: 'uri', 'x-ms-summary': 'Web URL' },
            },
          },
        },
        nextLink: { 'x-ms-summary': 'Next Link' },
      },
    });
    expect(notes).toEqual([
      '`/nextLink` is null in every sample: its type is unknown; the schema leaves it open.',
    ]);
  });

  it('sets a format only when every value agrees, and merges several samples', () => {
    const { schema } = schemaFromSamples([
      { when: '2026-11-29', who: 'ana@contoso.com', ref: '8c1e4c7e-0c9f-4a55-9a55-2b7f0f0c1d11' },
      { when: 'tomorrow', who: 'bo@contoso.com', extra: true },
    ]);
    expect(schema.properties).toEqual({
      when: { type: 'string', 'x-ms-summary': 'When' },
      who: { type: 'string', format: 'email', 'x-ms-summary': 'Who' },
      ref: { type: 'string', format: 'uuid', 'x-ms-summary': 'Ref' },
      extra: { type: 'boolean', 'x-ms-summary': 'Extra' },
    });
  });

  it('leaves the type open where the samples disagree, and says what it could not tell', () => {
    const { schema, notes } = schemaFromSamples([
      { code: 'A1', tags: [] },
      { code: 7, tags: [] },
    ]);
    expect(schema.properties).toEqual({
      code: { 'x-ms-summary': 'Code' },
      tags: { type: 'array', items: {}, 'x-ms-summary': 'Tags' },
    });
    expect(notes).toEqual([
      '`/code` is string or integer in the samples: the schema leaves its type open.',
      '`/tags` is empty in every sample: the type of its items is unknown.',
    ]);
  });

  it('keeps a `__proto__` key a property', () => {
    const { schema } = schemaFromSamples([JSON.parse('{"__proto__": {"a": 1}}') as JsonValue]);
    expect(JSON.stringify(schema)).toBe(
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"a":{"type":"integer","x-ms-summary":"A"}},"x-ms-summary":"Proto"}}}',
    );
  });

  it('never puts a value of the samples in the schema', () => {
    const text = JSON.stringify(schemaFromSamples([{ password: 'hunter2-secret', list: ['private-item'] }]));
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('private-item');
  });

  it('describes its samples: the response check finds no difference', () => {
    const sample = {
      value: [
        { id: 1, name: 'x', tags: ['a'], meta: { n: 1.5 } },
        { id: 2, name: null },
      ],
      more: false,
    } as JsonValue;
    const { schema } = schemaFromSamples([sample]);
    const connector = memoryConnector({
      swagger: '2.0',
      info: { title: 'S', version: '1' },
      paths: { '/s': { get: { operationId: 'S', responses: { 200: { description: 'OK', schema } } } } },
    });
    const check = responseConformance(connector, connector.operation('S')!, {
      status: 200,
      body: { kind: 'json', value: sample },
    });
    expect(check.findings).toEqual([]);
  });
});
