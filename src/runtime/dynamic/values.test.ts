import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { connectorOf, fakeCall } from './testing.ts';
import { listDynamicValues } from './values.ts';

// Excerpts of certified-connectors/DocuSign (CreateHookEnvelope.accountId → GetLoginAccounts) and
// certified-connectors/Zoho Mail (body property `fromAddress` → Get_Sender_Details).
const docuSign = connectorOf({
  paths: {
    '/accounts/{accountId}/connect': {
      post: {
        operationId: 'CreateHookEnvelope',
        'x-ms-trigger': 'single',
        parameters: [
          {
            name: 'accountId',
            in: 'path',
            required: true,
            type: 'string',
            'x-ms-dynamic-values': {
              operationId: 'GetLoginAccounts',
              'value-collection': 'loginAccounts',
              'value-path': 'accountIdGuid',
              'value-title': 'name',
            },
          },
        ],
        responses: { '201': { description: 'Created' } },
      },
    },
    '/login_information': {
      get: { operationId: 'GetLoginAccounts', responses: { '200': { description: 'OK' } } },
    },
  },
});

const zohoMail = connectorOf({
  paths: {
    '/api/accounts/{account_id}/messages': {
      post: {
        operationId: 'Send_Mail',
        parameters: [
          {
            name: 'account_id',
            in: 'path',
            required: true,
            type: 'string',
            'x-ms-dynamic-list': {
              operationId: 'Get_Mail_Account',
              itemValuePath: 'accountId',
              itemsPath: 'data',
              itemTitlePath: 'accountDisplayName',
            },
          },
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              properties: {
                fromAddress: {
                  type: 'string',
                  'x-ms-dynamic-list': {
                    operationId: 'Get_Sender_Details',
                    itemValuePath: 'fromAddress',
                    itemsPath: 'sendMailDetails',
                    itemTitlePath: 'fromAddress',
                    parameters: { account_id: { parameterReference: 'account_id' } },
                  },
                },
              },
            },
          },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/api/accounts': {
      get: { operationId: 'Get_Mail_Account', responses: { '200': { description: 'OK' } } },
    },
    '/api/accounts/{account_id}': {
      get: {
        operationId: 'Get_Sender_Details',
        parameters: [{ name: 'account_id', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});

/** A connector whose `Op.p` has the given extensions and whose `List` answers `body`. */
function single(extensions: JsonObject, parameterType: JsonObject = { type: 'string' }) {
  return connectorOf({
    paths: {
      '/op': {
        get: {
          operationId: 'Op',
          parameters: [
            { name: 'p', in: 'query', ...parameterType, ...extensions },
            { name: 'scope', in: 'query', type: 'string' },
          ],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/list': {
        get: {
          operationId: 'List',
          parameters: [{ name: 'scope', in: 'query', type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/other': { get: { operationId: 'Other', responses: { '200': { description: 'OK' } } } },
    },
  });
}

const values = (more: JsonObject = {}) => ({ 'x-ms-dynamic-values': { operationId: 'List', ...more } });
const list = (more: JsonObject = {}) => ({ 'x-ms-dynamic-list': { operationId: 'List', ...more } });

describe('listDynamicValues', () => {
  it('lists DocuSign accounts from `value-collection` with `value-path` and `value-title`.', async () => {
    const fake = fakeCall({
      GetLoginAccounts: {
        body: {
          loginAccounts: [
            { accountIdGuid: 'g-1', name: 'Contoso', isDefault: 'true' },
            { accountIdGuid: 'g-2', name: 'Fabrikam' },
          ],
        },
      },
    });
    const op = docuSign.operation('CreateHookEnvelope')!;
    const result = await listDynamicValues(docuSign, op, 'accountId', {}, fake.call);
    expect(result).toEqual([
      { value: 'g-1', displayName: 'Contoso' },
      { value: 'g-2', displayName: 'Fabrikam' },
    ]);
    expect(fake.calls).toEqual([{ operationId: 'GetLoginAccounts', args: {} }]);
  });

  it('passes a Zoho Mail `parameterReference` to the sender lookup of a body property.', async () => {
    const fake = fakeCall({
      // biome-ignore lint/correctness/noComponentHookFactories: an operation id, not a React component.
      Get_Sender_Details: (args) => ({
        body: { sendMailDetails: [{ fromAddress: `me@${String(args.account_id)}.example` }] },
      }),
    });
    const op = zohoMail.operation('Send_Mail')!;
    const result = await listDynamicValues(
      zohoMail,
      op,
      'body/fromAddress',
      { account_id: 'acc9' },
      fake.call,
    );
    expect(result).toEqual([{ value: 'me@acc9.example', displayName: 'me@acc9.example' }]);
    expect(fake.calls[0]).toEqual({ operationId: 'Get_Sender_Details', args: { account_id: 'acc9' } });
  });

  it('leaves an unset reference out, so the call can report the missing required parameter.', async () => {
    const fake = fakeCall({ Get_Sender_Details: { body: { sendMailDetails: [] } } });
    const op = zohoMail.operation('Send_Mail')!;
    await listDynamicValues(zohoMail, op, 'body/fromAddress', {}, fake.call);
    expect(fake.calls[0]!.args).toEqual({});
  });

  it('prefers `x-ms-dynamic-list` over `x-ms-dynamic-values` when both are present.', async () => {
    const connector = single({
      'x-ms-dynamic-values': { operationId: 'Other', 'value-path': 'id' },
      'x-ms-dynamic-list': { operationId: 'List', itemValuePath: 'id' },
    });
    const fake = fakeCall({ List: { body: [{ id: 1 }] }, Other: { body: [{ id: 2 }] } });
    const result = await listDynamicValues(connector, connector.operation('Op')!, 'p', {}, fake.call);
    expect(result.map((v) => v.value)).toEqual([1]);
    expect(fake.calls.map((c) => c.operationId)).toEqual(['List']);
  });

  const shapes: { name: string; ext: JsonObject; body: JsonValue; expected: JsonValue[] }[] = [
    {
      name: 'a nested `value-collection` slash path',
      ext: values({ 'value-collection': 'data/items', 'value-path': 'id' }),
      body: { data: { items: [{ id: 'a' }, { id: 'b' }] } },
      expected: ['a', 'b'],
    },
    {
      name: 'the response root when it is an array and no collection is named',
      ext: values({ 'value-path': 'id' }),
      body: [{ id: 'r' }],
      expected: ['r'],
    },
    {
      name: 'the first array-valued property when the response is an object without a collection',
      ext: list({ itemValuePath: 'id' }),
      body: { count: 2, '@odata.context': 'x', value: [{ id: 'v1' }, { id: 'v2' }], other: [{ id: 'no' }] },
      expected: ['v1', 'v2'],
    },
    {
      name: 'the whole item when no value path is named',
      ext: values({ 'value-collection': 'value' }),
      body: { value: [{ id: 1, n: 'x' }] },
      expected: [{ id: 1, n: 'x' }],
    },
    {
      name: 'primitive items as their own values',
      ext: values({ 'value-path': 'id' }),
      body: ['red', 3, true],
      expected: ['red', 3, true],
    },
    {
      name: 'no item whose value path is missing',
      ext: list({ itemsPath: 'value', itemValuePath: 'properties/id' }),
      body: { value: [{ properties: { id: 7 } }, { properties: {} }] },
      expected: [7],
    },
    {
      name: 'escaped `~1` segments in item paths',
      ext: list({ itemsPath: 'value', itemValuePath: 'a~1b' }),
      body: { value: [{ 'a/b': 'slashed' }] },
      expected: ['slashed'],
    },
  ];
  it.each(shapes)('reads $name.', async ({ ext, body, expected }) => {
    const connector = single(ext);
    const fake = fakeCall({ List: { body } });
    const result = await listDynamicValues(connector, connector.operation('Op')!, 'p', {}, fake.call);
    expect(result.map((v) => v.value)).toEqual(expected);
  });

  it('reads titles, descriptions and selectable flags of `x-ms-dynamic-values`.', async () => {
    const connector = single(
      values({
        'value-path': 'id',
        'value-title': 'name',
        'value-description': 'about',
        'value-selectable': 'enabled',
      }),
    );
    const fake = fakeCall({
      List: {
        body: [
          { id: 1, name: 'One', about: 'first', enabled: true },
          { id: 2, enabled: false },
          { id: 3, name: null, enabled: 'false' },
        ],
      },
    });
    const result = await listDynamicValues(connector, connector.operation('Op')!, 'p', {}, fake.call);
    expect(result).toEqual([
      { value: 1, displayName: 'One', description: 'first' },
      { value: 2, displayName: '2', disabled: true },
      { value: 3, displayName: '3', disabled: true },
    ]);
  });

  it('fills a `{ parameter }` reference from the current value of a sibling parameter.', async () => {
    const connector = single(values({ parameters: { scope: { parameter: 'scope' }, fixed: 'x' } }));
    const fake = fakeCall({ List: { body: [] } });
    const args: Arguments = { scope: 'team' };
    await listDynamicValues(connector, connector.operation('Op')!, 'p', args, fake.call);
    // `fixed` names no input of `List`: dropped, as the designer drops it.
    expect(fake.calls[0]!.args).toEqual({ scope: 'team' });
  });

  it('lists values of an array parameter whose `items` carry the extension.', async () => {
    const connector = single(
      {},
      { type: 'array', items: { type: 'string', ...values({ 'value-path': 'id' }) } },
    );
    const fake = fakeCall({ List: { body: [{ id: 'i' }] } });
    const result = await listDynamicValues(connector, connector.operation('Op')!, 'p', {}, fake.call);
    expect(result).toEqual([{ value: 'i', displayName: 'i' }]);
  });

  const failures: { name: string; ext: JsonObject; code: string; message: RegExp; status?: number }[] = [
    {
      name: 'a `builtInOperation` source',
      ext: { 'x-ms-dynamic-values': { builtInOperation: 'AadGraph.GetUsers', 'value-path': 'id' } },
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /platform source `AadGraph\.GetUsers`, which is not available offline/,
    },
    {
      name: 'a `capability` source',
      ext: { 'x-ms-dynamic-values': { capability: 'file-picker', 'value-path': 'path' } },
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /`file-picker`.*treeOpen/,
    },
    {
      name: 'an operationId the connector lacks',
      ext: { 'x-ms-dynamic-values': { operationId: 'Missing' } },
      code: 'OPERATION_NOT_FOUND',
      message: /calls operation `Missing`/,
    },
    {
      name: 'a target without a values extension',
      ext: {},
      code: 'PARAMETER_INVALID',
      message: /has no `x-ms-dynamic-list` or `x-ms-dynamic-values`/,
    },
    {
      name: 'a non-2xx answer',
      ext: values(),
      status: 404,
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /Operation `List` answered 404 while listing values for parameter `p` of operation `Op`/,
    },
    {
      name: 'a response with no array',
      ext: values({ 'value-collection': 'value' }),
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: /returned no array at `value`/,
    },
  ];
  it.each(failures)('fails with `$code` for $name.', async ({ ext, code, message, status }) => {
    const connector = single(ext);
    const fake = fakeCall({ List: { status: status ?? 200, body: { value: 'not a list' } } });
    const error = await listDynamicValues(connector, connector.operation('Op')!, 'p', {}, fake.call).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe(code);
    expect((error as FlowportError).message).toMatch(message);
  });
});
