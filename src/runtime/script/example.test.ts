import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../connector/load.ts';
import type { RuntimeResponse, WireRequest } from '../types.ts';
import { runCustomCode } from './custom-code.ts';
import { createScriptRunner } from './runner.ts';

const folder = fileURLToPath(new URL('../../../examples/parcelwise', import.meta.url));
const connector = loadConnectorSync(folder);
const runner = createScriptRunner();
afterAll(() => runner.close());

const CSV = [
  'time,location,code,description',
  '2025-03-04T16:20:00Z,Utrecht,DLV,"Delivered, signed by ""J. de Vries"""',
  '2025-03-03T09:00:00Z,Amersfoort,TRN,In transit',
  '2025-03-04T07:45:00Z,Utrecht,OFD,Out for delivery',
  '2025-03-02T18:30:00Z,"Zwolle, depot",XYZ,"Scanned at depot',
  'second line of the note"',
  '',
].join('\r\n');

function wire(path: string): WireRequest {
  return {
    method: 'GET',
    url: `https://api.parcelwise.io/v2${path}`,
    headers: new Headers({ 'x-api-key': 'key-1', accept: 'application/json' }),
    body: undefined,
  };
}

/** Runs the example's script for `operationId`, the backend answering with `answer`. */
async function call(operationId: string, path: string, answer: RuntimeResponse) {
  const sent: WireRequest[] = [];
  const run = await runCustomCode({
    connector,
    operation: connector.operation(operationId)!,
    wire: wire(path),
    connection: { values: { api_key: 'key-1' } },
    send: async (w) => {
      sent.push(w);
      return answer;
    },
    runner,
  });
  if (!run) throw new Error(`No custom code ran for \`${operationId}\`.`);
  return { run, sent };
}

describe('the Parcelwise example', () => {
  it('covers every operation with `script.ts`', () => {
    expect(connector.files.scriptTs?.name).toBe('script.ts');
    expect(connector.operations.map((op) => [op.id, op.customCodeLanguage])).toEqual([
      ['GetShipment', 'typescript'],
      ['ListTrackingEvents', 'typescript'],
    ]);
  });

  it('turns the CSV tracking events into sorted JSON with the derived fields', async () => {
    const { run, sent } = await call('ListTrackingEvents', '/shipments/PW%20123/events', {
      status: 200,
      headers: new Headers({ 'content-type': 'text/csv' }),
      body: { kind: 'text', text: CSV },
    });
    expect(sent.map((w) => [w.url, w.headers.get('accept'), w.headers.get('x-api-key')])).toEqual([
      ['https://api.parcelwise.io/v2/shipments/PW%20123/events', 'text/csv', 'key-1'],
    ]);
    expect(run.response.status).toBe(200);
    expect(run.response.body).toEqual({
      kind: 'json',
      value: {
        trackingNumber: 'PW 123',
        delivered: true,
        latestStatus: 'Delivered',
        events: [
          {
            time: '2025-03-02T18:30:00Z',
            location: 'Zwolle, depot',
            code: 'XYZ',
            status: 'Unknown',
            description: 'Scanned at depot\r\nsecond line of the note',
          },
          {
            time: '2025-03-03T09:00:00Z',
            location: 'Amersfoort',
            code: 'TRN',
            status: 'In transit',
            description: 'In transit',
          },
          {
            time: '2025-03-04T07:45:00Z',
            location: 'Utrecht',
            code: 'OFD',
            status: 'Out for delivery',
            description: 'Out for delivery',
          },
          {
            time: '2025-03-04T16:20:00Z',
            location: 'Utrecht',
            code: 'DLV',
            status: 'Delivered',
            description: 'Delivered, signed by "J. de Vries"',
          },
        ],
      },
    });
    expect(run.logs).toEqual([
      { level: 'warn', message: 'Unknown event codes for PW 123: XYZ.' },
      { level: 'info', message: 'Converted 4 tracking events for PW 123.' },
    ]);
  });

  it('says a parcel with no delivery event is not delivered', async () => {
    const { run } = await call('ListTrackingEvents', '/shipments/PW1/events', {
      status: 200,
      headers: new Headers({ 'content-type': 'text/csv' }),
      body: {
        kind: 'text',
        text: 'time,location,code,description\n2025-03-01T10:00:00Z,Zwolle,ACC,Accepted\n',
      },
    });
    expect(run.response.body).toMatchObject({ value: { delivered: false, latestStatus: 'Accepted' } });
  });

  it('passes an error answer from the API through unchanged', async () => {
    const { run } = await call('ListTrackingEvents', '/shipments/nope/events', {
      status: 404,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: { kind: 'json', value: { error: 'No such shipment.' } },
    });
    expect(run.response.status).toBe(404);
    expect(run.response.body).toEqual({ kind: 'json', value: { error: 'No such shipment.' } });
  });

  it('forwards the other operations as they are', async () => {
    const shipment = { trackingNumber: 'PW1', carrier: 'PostNL', weightGrams: 900 };
    const { run, sent } = await call('GetShipment', '/shipments/PW1', {
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: { kind: 'json', value: shipment },
    });
    expect(sent.map((w) => w.headers.get('accept'))).toEqual(['application/json']);
    expect(run.response.body).toEqual({ kind: 'json', value: shipment });
    expect(run.logs).toEqual([]);
  });
});
