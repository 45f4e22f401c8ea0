import { describe, expect, it } from 'vitest';
import { schemaNodes, testConnector } from './_test-connector.ts';
import { isRequiredNode, schemaUsage, usedAsInput, usedAsOutput } from './schema-usage.ts';

const doc = {
  swagger: '2.0',
  paths: {
    '/tasks': {
      post: {
        operationId: 'CreateTask',
        parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/NewTask' } }],
        responses: {
          '200': { description: 'OK', schema: { type: 'array', items: { $ref: '#/definitions/Task' } } },
        },
      },
    },
  },
  definitions: {
    NewTask: { properties: { owner: { $ref: '#/definitions/User' } }, required: ['owner'] },
    Task: { allOf: [{ $ref: '#/definitions/NewTask' }], properties: { id: { type: 'string' } } },
    User: { properties: { name: { type: 'string' } } },
    Unused: {},
  },
};

describe('schemaUsage', () => {
  it('follows references from bodies and responses, through allOf and items', () => {
    const usage = schemaUsage(testConnector(doc));
    expect([...usage.input].sort()).toEqual(['NewTask', 'User']);
    expect([...usage.output].sort()).toEqual(['NewTask', 'Task', 'User']);
  });
  it('survives reference cycles', () => {
    const cyclic = {
      ...doc,
      definitions: { ...doc.definitions, User: { properties: { boss: { $ref: '#/definitions/User' } } } },
    };
    expect(schemaUsage(testConnector(cyclic)).input.has('User')).toBe(true);
  });
});

describe('usedAsInput / usedAsOutput / isRequiredNode', () => {
  it('classifies definition nodes by where their definition is used', () => {
    const connector = testConnector(doc);
    const nodes = schemaNodes(connector);
    const owner = nodes.get('/definitions/NewTask/properties/owner')!;
    expect(usedAsInput(owner, connector)).toBe(true);
    expect(isRequiredNode(owner)).toBe(true);
    const id = nodes.get('/definitions/Task/properties/id')!;
    expect(usedAsInput(id, connector)).toBe(false);
    expect(usedAsOutput(id, connector)).toBe(true);
    expect(isRequiredNode(id)).toBe(false);
    expect(usedAsOutput(nodes.get('/definitions/Unused')!, connector)).toBe(false);
  });
});
