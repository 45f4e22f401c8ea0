import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../connector/json.ts';
import { MAX_ITEMS, MAX_VALUES, responseConformance, valueConformance } from './response-conformance.ts';
import { memoryConnector } from './testing.ts';
import type { ResponseBody } from './types.ts';

const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  host: 'api.contoso.com',
  paths: {
    '/tasks': {
      get: {
        operationId: 'ListTasks',
        responses: {
          200: { description: 'OK', schema: { $ref: '#/definitions/TaskList' } },
          404: { description: 'Not found' },
        },
      },
      post: {
        operationId: 'CreateTask',
        responses: {
          201: { description: 'Created' },
          202: { description: 'Accepted' },
          default: { description: 'Error', schema: { type: 'object' } },
        },
      },
    },
    '/tasks/{id}': {
      get: {
        operationId: 'GetTask',
        responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Task' } } },
      },
    },
    '/report': {
      get: {
        operationId: 'Report',
        responses: { 200: { description: 'OK', schema: { type: 'object', properties: {} } } },
      },
    },
  },
  definitions: {
    TaskList: {
      type: 'object',
      properties: {
        value: { type: 'array', items: { $ref: '#/definitions/Task' } },
        nextLink: { type: 'string' },
      },
    },
    Task: {
      allOf: [{ $ref: '#/definitions/Base' }],
      type: 'object',
      required: ['title'],
      properties: {
        title: { type: 'string' },
        done: { type: 'boolean' },
        points: { type: 'integer', format: 'int32' },
        due: { type: 'string', format: 'date-time', 'x-nullable': true },
        owner: { type: 'string' },
        state: { type: 'string', enum: ['open', 'closed'] },
        extra: { type: 'object', additionalProperties: { type: 'integer' } },
        meta: { type: 'object' },
        custom: { type: 'object', 'x-ms-dynamic-schema': { operationId: 'Report' } },
        parent: { $ref: '#/definitions/Task' },
      },
    },
    Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
  },
});

const json = (value: JsonValue): ResponseBody => ({ kind: 'json', value });
function check(operationId: string, status: number, body: ResponseBody) {
  return responseConformance(connector, connector.operation(operationId)!, { status, body });
}
const summary = (operationId: string, status: number, body: ResponseBody) =>
  check(operationId, status, body).findings.map((f) => `${f.kind} ${f.at} ${f.count}/${f.of}`);

describe('responseConformance', () => {
  it('finds nothing in an answer that matches, through $ref, allOf, nullable, free-form and dynamic parts', () => {
    const task = {
      id: 1,
      title: 'Write',
      done: false,
      points: 3,
      due: null,
      state: 'open',
      extra: { a: 1 },
      meta: { anything: [1, 'x'] },
      custom: { whatever: true },
      parent: { id: 2, title: 'Plan' },
    };
    expect(check('ListTasks', 200, json({ value: [task, task], nextLink: 'https://x' }))).toEqual({
      response: '200',
      findings: [],
      partial: false,
    });
  });

  it('names type, null, required, enum and undeclared mismatches by place, folding array items', () => {
    const body = json({
      value: [
        { id: 1, title: 'A', points: '3', owner: null, state: 'archived', colour: 'red' },
        { id: 2, title: 'B', points: 2.5 },
        { id: 3, points: 1, extra: { a: 'x' }, parent: { id: 'p', title: 'C' } },
      ],
    });
    expect(summary('ListTasks', 200, body)).toEqual([
      'type /value/*/points 1/3',
      'null /value/*/owner 1/1',
      'enum /value/*/state 1/1',
      'undeclared /value/*/colour 1/3',
      'type /value/*/points 1/3',
      'required /value/*/title 1/3',
      'type /value/*/extra/a 1/1',
      'type /value/*/parent/id 1/1',
    ]);
    const [points] = check('ListTasks', 200, body).findings;
    expect(points).toMatchObject({
      severity: 'warning',
      message: '`/value/*/points` is a string; the schema says an integer.',
    });
  });

  it('takes a typed value of an enum written as text (`["true", "false"]` of a boolean), not another', () => {
    const schema = {
      type: 'object',
      properties: {
        allDay: { type: 'boolean', enum: ['true', 'false'] },
        n: { type: 'integer', enum: ['1', '2'] },
      },
    };
    expect(valueConformance(connector, schema, { allDay: true, n: 2 }).findings).toEqual([]);
    expect(valueConformance(connector, schema, { allDay: 'true' }).findings.map((f) => f.kind)).toEqual([
      'type',
    ]);
    expect(valueConformance(connector, schema, { n: 3 }).findings.map((f) => f.kind)).toEqual(['enum']);
    expect(
      valueConformance(connector, { type: 'string', enum: ['1'] }, '2').findings.map((f) => f.kind),
    ).toEqual(['enum']);
  });

  it('never quotes a value of the answer', () => {
    const text = JSON.stringify(
      check('GetTask', 200, json({ id: 'secret-looking-value', title: 42, state: 'personal@contoso.com' })),
    );
    expect(text).not.toContain('secret-looking-value');
    expect(text).not.toContain('personal@contoso.com');
  });

  it('reports a body that is not what the schema says at its root', () => {
    expect(check('GetTask', 200, json([1, 2])).findings[0]?.message).toBe(
      'The body is an array; the schema says an object.',
    );
    expect(check('GetTask', 200, { kind: 'text', text: 'OK' }).findings[0]?.message).toBe(
      'The body is text, not JSON; the schema says an object.',
    );
  });

  it('reports an undeclared success status and a JSON answer without a schema; not an undeclared error', () => {
    expect(summary('GetTask', 202, json({}))).toEqual(['status-undeclared  1/1']);
    expect(summary('GetTask', 500, json({ error: 'x' }))).toEqual([]);
    expect(summary('CreateTask', 201, json({ id: 1 }))).toEqual(['no-schema  1/1']);
    expect(summary('CreateTask', 201, json({}))).toEqual([]);
    expect(summary('CreateTask', 202, json({ status: 'running' }))).toEqual([]);
    // `default` covers what is not declared, errors included.
    expect(check('CreateTask', 400, json('oops')).findings[0]?.message).toBe(
      'The body is a string; the schema says an object.',
    );
    expect(summary('ListTasks', 404, json({ error: 'gone' }))).toEqual([]);
  });

  it('says nothing of the keys of an object whose properties are empty', () => {
    expect(summary('Report', 200, json({ rows: 3 }))).toEqual([]);
  });

  it('checks a bounded number of items and says so', () => {
    const many = Array.from({ length: MAX_ITEMS + 5 }, (_, i) => ({ id: i, title: 't' }));
    const result = check('ListTasks', 200, json({ value: many }));
    expect(result.findings).toEqual([]);
    expect(result.partial).toBe(true);
  });

  it('checks a bounded number of values in all, however the arrays nest', () => {
    const grid = Array.from({ length: 150 }, () => ({
      id: 1,
      title: 't',
      tags: Array.from({ length: 150 }, () => 'x'),
    }));
    const nested = memoryConnector({
      swagger: '2.0',
      info: { title: 'N', version: '1' },
      paths: {
        '/n': {
          get: {
            operationId: 'N',
            responses: {
              200: {
                description: 'OK',
                schema: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { tags: { type: 'array', items: { type: 'integer' } } },
                  },
                },
              },
            },
          },
        },
      },
    });
    const result = responseConformance(nested, nested.operation('N')!, { status: 200, body: json(grid) });
    expect(result.partial).toBe(true);
    const [tags] = result.findings.filter((f) => f.at === '/*/tags/*');
    expect(tags?.count).toBeLessThan(MAX_VALUES);
  });

  it('stops at a cycle of references', () => {
    const cyclic = memoryConnector({
      swagger: '2.0',
      info: { title: 'C', version: '1' },
      paths: {
        '/a': {
          get: {
            operationId: 'A',
            responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/A' } } },
          },
        },
      },
      definitions: { A: { $ref: '#/definitions/B' }, B: { $ref: '#/definitions/A' } },
    });
    expect(
      responseConformance(cyclic, cyclic.operation('A')!, { status: 200, body: json({ x: 1 }) }).findings,
    ).toEqual([]);
  });
});
