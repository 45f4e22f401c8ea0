import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { compilePolicies } from '../runtime/policies/registry.ts';
import { runResponsePolicies } from '../runtime/policies/run.ts';
import { json, memoryConnector } from '../runtime/testing.ts';
import type { PolicyContext } from '../runtime/types.ts';
import { wireShaper } from './wire-shape.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 'Zones', version: '1' },
  host: 'api.zones.test',
  paths: {
    '/zones': { get: { operationId: 'GetZones', responses: { '200': { description: 'OK' } } } },
    '/zones/{id}': {
      get: {
        operationId: 'GetZone',
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
};

const instance = (templateId: string, parameters: JsonObject, section: string | null = 'Response') => ({
  templateId,
  title: templateId,
  parameters: {
    ...parameters,
    ...(section && { 'x-ms-apimTemplate-policySection': section }),
  },
});

/** Electricity Maps' policy: the answer's object of zones becomes `Zones`, a list of name and details. */
const zones = (section: string | null, operations?: string[]) =>
  instance(
    'convertobjecttoarray',
    {
      'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
      'x-ms-apimTemplateParameter.propertySubPath': 'null',
      'x-ms-apimTemplateParameter.newPropertyPath': '@body().Zones',
      'x-ms-apimTemplateParameter.keyName': 'Name',
      'x-ms-apimTemplateParameter.valueName': 'Details',
      ...(operations && { 'x-ms-apimTemplate-operationName': operations }),
    },
    section,
  );

const connectorWith = (...policies: JsonObject[]) =>
  memoryConnector(swagger, { policyTemplateInstances: policies });

const operation = (connector: Connector, id: string) => {
  const found = connector.operations.find((o) => o.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** What the runtime makes of an API's answer: the connector's Response-section policies run on it. */
async function shapedByRuntime(connector: Connector, id: string, value: JsonValue): Promise<JsonValue> {
  const response = json(200, structuredClone(value));
  const warnings: string[] = [];
  const ctx = {
    operation: operation(connector, id),
    warn: (m: string) => warnings.push(m),
  } as unknown as PolicyContext;
  await runResponsePolicies(compilePolicies(connector).policies, response, ctx, 'response');
  expect(warnings).toEqual([]);
  return response.body.kind === 'json' ? response.body.value : null;
}

describe('wireShaper', () => {
  const described = {
    Zones: [
      { Name: 'DE', Details: { zoneName: 'Germany' } },
      { Name: 'FR', Details: { zoneName: 'France' } },
    ],
  };

  it("undoes a Response-section convertobjecttoarray: Electricity Maps' zones as the API sends them", async () => {
    const connector = connectorWith(zones('Response', ['GetZones']));
    const wire = wireShaper(connector)(operation(connector, 'GetZones'), described);
    expect(wire).toEqual({ DE: { zoneName: 'Germany' }, FR: { zoneName: 'France' } });
    // The platform shapes it once: what the swagger describes (the API's own keys stay beside it).
    expect(await shapedByRuntime(connector, 'GetZones', wire)).toMatchObject(described);
  });

  it('leaves answers alone where no Response-section policy applies', () => {
    for (const connector of [
      connectorWith(zones('Response', ['GetZones'])),
      connectorWith(zones('Request')),
    ]) {
      expect(wireShaper(connector)(operation(connector, 'GetZone'), described)).toEqual(described);
    }
    const defaultSection = connectorWith(zones(null));
    expect(wireShaper(defaultSection)(operation(defaultSection, 'GetZones'), described)).toEqual(described);
  });

  it('never changes the value it was given, and leaves a body the policy would not make as it is', () => {
    const connector = connectorWith(zones('Response'));
    const given = structuredClone(described);
    wireShaper(connector)(operation(connector, 'GetZones'), given);
    expect(given).toEqual(described);
    const odd = { Zones: [{ Name: 1, Details: {} }] };
    expect(wireShaper(connector)(operation(connector, 'GetZones'), odd)).toEqual(odd);
  });

  // Each template with an inverse, as the corpus writes it: the answer the swagger describes, undone
  // and then shaped by the runtime, is the answer the swagger describes.
  const roundTrips: [string, JsonObject[], JsonValue][] = [
    [
      "Planner's list of tasks: convertobjecttoarray into each item (@item())",
      [
        instance('ConvertObjectToArray', {
          'x-ms-apimTemplateParameter.propertyParentPath': '@body().value',
          'x-ms-apimTemplateParameter.propertySubPath': 'assignments',
          'x-ms-apimTemplateParameter.newPropertyPath': '@item()._assignments',
          'x-ms-apimTemplateParameter.keyName': 'userId',
          'x-ms-apimTemplateParameter.valueName': 'value',
        }),
      ],
      {
        value: [
          { id: 't1', _assignments: [{ userId: 'u1', value: { orderHint: ' !' } }] },
          { id: 't2', _assignments: [] },
        ],
      },
    ],
    [
      'convertarraytoobject without the key in the values (retainKey false)',
      [
        instance('convertarraytoobject', {
          'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
          'x-ms-apimTemplateParameter.propertySubPath': 'people',
          'x-ms-apimTemplateParameter.newPropertyPath': '@body().byName',
          'x-ms-apimTemplateParameter.keyWithinCollectionPath': 'Name',
          'x-ms-apimTemplateParameter.retainKey': 'false',
        }),
      ],
      { byName: { Ada: { Age: '36' }, Alan: { Age: '41' } } },
    ],
    [
      'stringtoarray in place',
      [
        instance('stringtoarray', {
          'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
          'x-ms-apimTemplateParameter.propertySubPath': 'tags',
          'x-ms-apimTemplateParameter.newPropertyPath': '@body().tags',
          'x-ms-apimTemplateParameter.delimiterList': ';,',
          'x-ms-apimTemplateParameter.childPropertyName': 'tag',
        }),
      ],
      { tags: [{ tag: 'red' }, { tag: 'blue' }] },
    ],
    [
      "Planner's task details: a chain of stringreplace and encodepropertyvalue, undone last to first",
      [
        ...[
          ['%2E', '.'],
          ['%3A', ':'],
          ['%25', '%'],
        ].map(([from, to]) =>
          instance('StringReplace', {
            'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
            'x-ms-apimTemplateParameter.propertySubPath': 'link',
            'x-ms-apimTemplateParameter.newPropertyPath': '@body().link',
            'x-ms-apimTemplateParameter.sourceString': from as string,
            'x-ms-apimTemplateParameter.replacementString': to as string,
          }),
        ),
        instance('encodepropertyvalue', {
          'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
          'x-ms-apimTemplateParameter.propertySubPath': 'owner',
          'x-ms-apimTemplateParameter.newPropertyPath': '@body().owner',
        }),
      ],
      { link: 'https://contoso.sharepoint.com/a%20b.docx', owner: 'ada%40contoso.com' },
    ],
  ];
  for (const [name, policies, described] of roundTrips) {
    it(`gives what the runtime turns into the described answer: ${name}`, async () => {
      const connector = connectorWith(...policies);
      const wire = wireShaper(connector)(operation(connector, 'GetZones'), described);
      expect(wire).not.toEqual(described);
      expect(await shapedByRuntime(connector, 'GetZones', wire)).toMatchObject(described as JsonObject);
    });
  }
});
