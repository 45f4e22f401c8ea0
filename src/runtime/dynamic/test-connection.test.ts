import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { fallbackTestOperation, testConnection } from './test-connection.ts';
import { connectorOf, fakeCall } from './testing.ts';

// Excerpt of certified-connectors/Planner: `testConnection` → `ListMyTasks_V2`.
const planner = connectorOf({
  'x-ms-capabilities': { testConnection: { operationId: 'ListMyTasks_V2', parameters: { top: 1 } } },
  paths: {
    '/v2/me/tasks': {
      get: {
        operationId: 'ListMyTasks_V2',
        parameters: [{ name: 'top', in: 'query', type: 'integer' }],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/v1/groups': { get: { operationId: 'ListGroups', responses: { '200': { description: 'OK' } } } },
  },
});

/** A connector without `testConnection` whose operations are given as `[method, operation]`. */
function withOperations(...ops: [string, JsonObject][]) {
  const paths: JsonObject = {};
  ops.forEach(([method, op], i) => {
    paths[`/p${i}`] = { [method]: { responses: { '200': { description: 'OK' } }, ...op } };
  });
  return connectorOf({ paths });
}

describe('testConnection', () => {
  it('calls the Planner `testConnection` operation with its literal parameters.', async () => {
    const fake = fakeCall({ ListMyTasks_V2: { body: { value: [] } } });
    expect(await testConnection(planner, fake.call)).toEqual({
      ok: true,
      status: 200,
      operationId: 'ListMyTasks_V2',
      method: 'capability',
      connectionStatus: 'connected',
    });
    expect(fake.calls).toEqual([{ operationId: 'ListMyTasks_V2', args: { top: 1 } }]);
  });

  it.each([
    { status: 401, connectionStatus: 'unauthenticated' },
    { status: 403, connectionStatus: 'unauthenticated' },
    { status: 500, connectionStatus: 'error' },
    { status: 204, connectionStatus: 'connected' },
  ])('maps a $status answer to `$connectionStatus`.', async ({ status, connectionStatus }) => {
    const result = await testConnection(planner, fakeCall({ ListMyTasks_V2: { status } }).call);
    expect(result.ok).toBe(status < 300);
    expect(result.status).toBe(status);
    expect(result.connectionStatus).toBe(connectionStatus);
  });

  it('turns a `FlowportError` from the call into a failed test.', async () => {
    const call = async () => {
      throw new FlowportError('AUTH_REFRESH_FAILED', 'The refresh token was rejected.');
    };
    expect(await testConnection(planner, call)).toEqual({
      ok: false,
      operationId: 'ListMyTasks_V2',
      method: 'capability',
      connectionStatus: 'unauthenticated',
      error: { code: 'AUTH_REFRESH_FAILED', message: 'The refresh token was rejected.' },
    });
  });

  it('lets other errors through.', async () => {
    const call = async () => {
      throw new TypeError('bug');
    };
    await expect(testConnection(planner, call)).rejects.toThrow(TypeError);
  });

  it('reports a `testConnection` that names a missing operation.', async () => {
    const connector = connectorOf({
      'x-ms-capabilities': { testConnection: { operationId: 'Gone' } },
      paths: {},
    });
    await expect(testConnection(connector, fakeCall({}).call)).rejects.toThrow(/calls operation `Gone`/);
  });

  it('falls back to a safe GET when no `testConnection` is declared.', async () => {
    const connector = withOperations(['get', { operationId: 'Me' }]);
    const fake = fakeCall({ Me: { status: 200 } });
    const result = await testConnection(connector, fake.call);
    expect(result).toMatchObject({ ok: true, method: 'fallback', operationId: 'Me' });
  });

  it('reports `none` without calling anything when the fallback is off or nothing qualifies.', async () => {
    const connector = withOperations(['get', { operationId: 'Me' }]);
    const fake = fakeCall({});
    expect(await testConnection(connector, fake.call, { fallback: false })).toEqual({
      ok: true,
      method: 'none',
      connectionStatus: 'connected',
    });
    expect(
      await testConnection(withOperations(['post', { operationId: 'Create' }]), fake.call),
    ).toMatchObject({
      method: 'none',
    });
    expect(fake.calls).toEqual([]);
  });
});

describe('fallbackTestOperation', () => {
  it.each([
    { name: 'a POST', op: ['post', { operationId: 'X' }] as [string, JsonObject] },
    {
      name: 'a polling trigger',
      op: ['get', { operationId: 'X', 'x-ms-trigger': 'batch' }] as [string, JsonObject],
    },
    { name: 'a deprecated GET', op: ['get', { operationId: 'X', deprecated: true }] as [string, JsonObject] },
    {
      name: 'a GET excluded from generic tests',
      op: ['get', { operationId: 'X', 'x-ms-no-generic-test': true }] as [string, JsonObject],
    },
    {
      name: 'a GET with a required parameter without default',
      op: [
        'get',
        { operationId: 'X', parameters: [{ name: 'q', in: 'query', required: true, type: 'string' }] },
      ] as [string, JsonObject],
    },
    { name: 'a GET without operationId', op: ['get', {}] as [string, JsonObject] },
  ])('skips $name and takes the next qualifying GET.', ({ op }) => {
    const connector = withOperations(op, [
      'get',
      {
        operationId: 'Ok',
        parameters: [{ name: 'v', in: 'query', required: true, type: 'string', default: '1' }],
      },
    ]);
    expect(fallbackTestOperation(connector)?.id).toBe('Ok');
  });
});
