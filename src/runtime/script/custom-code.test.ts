import { afterAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../connector/model.ts';
import type { RuntimeRequest, RuntimeResponse, WireRequest } from '../types.ts';
import { scriptedConnector } from './_test-connector.ts';
import { customCodeFor, runCustomCode } from './custom-code.ts';
import { createScriptRunner } from './runner.ts';

const runner = createScriptRunner();
afterAll(() => runner.close());

const SCRIPT = `
export default class Script {
  async executeAsync(context) {
    context.logger.info('forwarding %s', context.operationId);
    const response = await context.sendAsync(context.request);
    const parcel = await response.json();
    return Response.json({ ...parcel, region: context.connectionParameters.region ?? null,
      key: context.connectionParameters.api_key ?? null });
  }
}`;

const properties = {
  scriptOperations: ['GetParcel'],
  connectionParameters: { region: { type: 'string' }, api_key: { type: 'securestring' } },
};
const connection = { values: { region: 'eu', api_key: 'secret' } };
const wire: WireRequest = {
  method: 'GET',
  url: 'https://api.parcel.example/parcels/p1',
  headers: new Headers({ 'x-api-key': 'secret' }),
  body: undefined,
};
const request = {} as RuntimeRequest;

function fakeSend(sent: WireRequest[]) {
  return async (w: WireRequest): Promise<RuntimeResponse> => {
    sent.push(w);
    return {
      status: 200,
      headers: new Headers(),
      body: { kind: 'json', value: { id: 'p1', state: 'moving' } },
    };
  };
}

describe('customCodeFor', () => {
  const connector = scriptedConnector({ 'script.ts': SCRIPT }, properties);
  const op = (id: string) => connector.operation(id) as Operation;

  it('runs `script.ts` for a covered operation through the runtime’s send, hiding secret connection values', async () => {
    const sent: WireRequest[] = [];
    const logs: string[] = [];
    const hook = customCodeFor(connector, {
      runner,
      onLog: (entry, run) => logs.push(`${run.operationId} ${run.correlationId.length} ${entry.message}`),
    });
    const response = await hook(op('GetParcel'), request, wire, connection, fakeSend(sent));
    expect(response?.body).toEqual({
      kind: 'json',
      value: { id: 'p1', state: 'moving', region: 'eu', key: null },
    });
    expect(sent.map((w) => `${w.method} ${w.url} ${w.headers.get('x-api-key')}`)).toEqual([
      'GET https://api.parcel.example/parcels/p1 secret',
    ]);
    expect(logs).toEqual(['GetParcel 36 forwarding GetParcel']);
  });

  it('leaves an operation outside `scriptOperations` to the backend', () => {
    const hook = customCodeFor(connector, { runner });
    expect(hook(op('ListEvents'), request, wire, connection, fakeSend([]))).toBeUndefined();
  });

  it('refuses an operation covered by `script.csx` before anything is sent', () => {
    const csharp = scriptedConnector({ 'script.csx': 'public class Script : ScriptBase {}' }, properties);
    const sent: WireRequest[] = [];
    const hook = customCodeFor(csharp, { runner });
    expect(() => hook(csharp.operation('GetParcel')!, request, wire, connection, fakeSend(sent))).toThrow(
      expect.objectContaining({ code: 'CUSTOM_CODE_UNSUPPORTED' }),
    );
    expect(sent).toEqual([]);
  });
});

describe('runCustomCode', () => {
  it('returns the logs and the given correlation id with the response', async () => {
    const connector = scriptedConnector({ 'script.ts': SCRIPT }, properties);
    const run = await runCustomCode({
      connector,
      operation: connector.operation('GetParcel')!,
      wire,
      connection,
      send: fakeSend([]),
      runner,
      correlationId: 'corr-42',
    });
    expect(run?.correlationId).toBe('corr-42');
    expect(run?.logs).toEqual([{ level: 'info', message: 'forwarding GetParcel' }]);
  });

  it('resolves to undefined for an operation without custom code', async () => {
    const connector = scriptedConnector({}, {});
    const run = await runCustomCode({
      connector,
      operation: connector.operation('GetParcel')!,
      wire,
      connection,
      send: fakeSend([]),
      runner,
    });
    expect(run).toBeUndefined();
  });
});
