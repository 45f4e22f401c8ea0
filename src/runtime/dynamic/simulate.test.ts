import { describe, expect, it } from 'vitest';
import { canSimulate, simulateTrigger } from './simulate.ts';
import { connectorOf, fakeCall } from './testing.ts';

// `x-ms-operation-context` is not in the corpus; this follows the shape in the extension docs.
const connector = connectorOf({
  paths: {
    '/trigger': {
      get: {
        operationId: 'OnNewItems',
        'x-ms-trigger': 'batch',
        'x-ms-operation-context': {
          simulate: { operationId: 'GetItems_V2', parameters: { $top: 1, list: { parameter: 'list' } } },
        },
        parameters: [{ name: 'list', in: 'query', type: 'string' }],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/items': {
      get: {
        operationId: 'GetItems_V2',
        parameters: [
          { name: '$top', in: 'query', type: 'integer' },
          { name: 'list', in: 'query', type: 'string' },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});

describe('simulateTrigger', () => {
  it('calls the `simulate` operation with its literals and the trigger’s own inputs.', async () => {
    const fake = fakeCall({ GetItems_V2: { body: { value: [{ id: 1 }] } } });
    const trigger = connector.operation('OnNewItems')!;
    expect(canSimulate(trigger)).toBe(true);
    const result = await simulateTrigger(connector, trigger, fake.call, { list: 'Tasks' });
    expect(result.operationId).toBe('GetItems_V2');
    expect(result.response.body).toEqual({ kind: 'json', value: { value: [{ id: 1 }] } });
    expect(fake.calls).toEqual([{ operationId: 'GetItems_V2', args: { $top: 1, list: 'Tasks' } }]);
  });

  it('fails with `DYNAMIC_LOOKUP_FAILED` on a non-2xx answer.', async () => {
    const fake = fakeCall({ GetItems_V2: { status: 500 } });
    await expect(simulateTrigger(connector, connector.operation('OnNewItems')!, fake.call)).rejects.toThrow(
      /Operation `GetItems_V2` answered 500 while simulating operation `OnNewItems`/,
    );
  });

  it('fails with `DYNAMIC_LOOKUP_FAILED` for an operation without `simulate`.', async () => {
    const plain = connector.operation('GetItems_V2')!;
    expect(canSimulate(plain)).toBe(false);
    await expect(simulateTrigger(connector, plain, fakeCall({}).call)).rejects.toMatchObject({
      code: 'DYNAMIC_LOOKUP_FAILED',
    });
  });
});
