import { isObject, type JsonObject } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { activeParameters } from '../runtime/connection/parameters.ts';
import { VERSION } from '../version.ts';
import { mapConnectionParameters } from './connection-parameters.ts';
import { armLiteral, parameterRef } from './literal.ts';
import type { ArmNote, ArmOptions, ArmParameter, ArmResult, ArmTemplate } from './model.ts';
import { ParameterNames, resourceNameOf } from './names.ts';

/** ARM's limit on a template's size (https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits). */
export const ARM_TEMPLATE_LIMIT = 4 * 1024 * 1024;

const CUSTOM_API = "[resourceId('Microsoft.Web/customApis', parameters('customApiName'))]";

/**
 * An ARM template that deploys the connector as a Logic Apps custom connector
 * (`Microsoft.Web/customApis`, api-version 2016-06-01), optionally with a connection using it, and
 * what the template cannot carry over (policy templates, custom code, the other auth choices of a
 * multi-auth connector) as notes. Everything that differs between environments — the backend URL,
 * OAuth client id and secret, the region — is a template parameter; secrets never have defaults.
 * Throws `CONNECTOR_SWAGGER_MISSING` or `CONNECTOR_PARSE_FAILED` when there is no readable swagger,
 * and `CONNECTION_INVALID` for an unknown `parameterSet`.
 *
 * @example
 * const { template, notes } = armTemplate(await loadConnector('connectors/tasklane'), { connection: true });
 */
export function armTemplate(connector: Connector, options: ArmOptions = {}): ArmResult {
  const swagger = swaggerOf(connector);
  const { definition, properties } = connector;
  const notes: ArmNote[] = [];
  const names = new ParameterNames(['customApiName', 'location', 'serviceUrl', 'iconUri', 'connectionName']);
  const withConnection = options.connection !== undefined && options.connection !== false;

  const serviceUrl = options.serviceUrl ?? serviceUrlOf(connector);
  if (serviceUrl === undefined)
    notes.push({
      code: 'service-url-missing',
      severity: 'info',
      message:
        'The swagger has no `host`, so `serviceUrl` has no default: give the backend URL (https://host/basePath) when deploying.',
      file: 'swagger',
      pointer: '',
    });
  const parameters: Record<string, ArmParameter> = {
    customApiName: {
      type: 'string',
      defaultValue: options.name ?? resourceNameOf(definition.info.title),
      metadata: { description: 'Name of the custom connector resource in the resource group.' },
    },
    location: {
      type: 'string',
      defaultValue: options.location ?? '[resourceGroup().location]',
      metadata: { description: 'Region of the custom connector; the same as the logic apps that use it.' },
    },
    serviceUrl: {
      type: 'string',
      ...(serviceUrl !== undefined && { defaultValue: armLiteral(serviceUrl) }),
      metadata: {
        description:
          "URL Logic Apps calls the operations' paths on (https://host/basePath); it replaces the swagger's host, so one template serves each environment.",
      },
    },
    iconUri: {
      type: 'string',
      defaultValue: options.iconUri === undefined ? '' : armLiteral(options.iconUri),
      metadata: {
        description: "Public https URL of the connector's icon; empty for Logic Apps' default icon.",
      },
    },
  };
  if (connector.files.icon && options.iconUri === undefined)
    notes.push({
      code: 'icon-not-uploaded',
      severity: 'info',
      message: `A template cannot upload ${connector.files.icon.name}: publish it at an https URL and give it as \`iconUri\` (--icon-uri), or Logic Apps shows its default icon.`,
      file: 'icon',
    });

  const chosen = chooseParameterSet(connector, options.parameterSet, notes);
  const mapped = mapConnectionParameters(chosen.parameters, names, parameters, notes, withConnection);
  lossNotes(connector, notes);

  const customApi: JsonObject = {
    type: 'Microsoft.Web/customApis',
    apiVersion: '2016-06-01',
    name: parameterRef('customApiName'),
    location: parameterRef('location'),
    properties: {
      displayName: armLiteral(definition.info.title ?? resourceNameOf(undefined)),
      ...(definition.info.description !== undefined && {
        description: armLiteral(definition.info.description),
      }),
      iconUri: "[if(empty(parameters('iconUri')), null(), parameters('iconUri'))]",
      ...(properties.iconBrandColor !== undefined && { brandColor: armLiteral(properties.iconBrandColor) }),
      apiType: 'Rest',
      backendService: { serviceUrl: parameterRef('serviceUrl') },
      ...(properties.capabilities.length > 0 && { capabilities: [...properties.capabilities] }),
      connectionParameters: mapped.connectionParameters,
      swagger: armLiteral(swagger),
    },
  };
  const resources: JsonObject[] = [customApi];
  const outputs: JsonObject = { customApiId: { type: 'string', value: CUSTOM_API } };
  if (withConnection) {
    parameters.connectionName = {
      type: 'string',
      defaultValue:
        typeof options.connection === 'string'
          ? armLiteral(options.connection)
          : "[concat(parameters('customApiName'), '-connection')]",
      metadata: {
        description: 'Name of the API connection (Microsoft.Web/connections) that logic apps use.',
      },
    };
    resources.push({
      type: 'Microsoft.Web/connections',
      apiVersion: '2016-06-01',
      name: parameterRef('connectionName'),
      location: parameterRef('location'),
      dependsOn: [CUSTOM_API],
      properties: {
        displayName: parameterRef('connectionName'),
        api: { id: CUSTOM_API },
        ...(Object.keys(mapped.connectionValues).length > 0 && { parameterValues: mapped.connectionValues }),
      },
    });
    outputs.connectionId = {
      type: 'string',
      value: "[resourceId('Microsoft.Web/connections', parameters('connectionName'))]",
    };
  }
  const template: ArmTemplate = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: {
      _generator: { name: 'flowport', version: VERSION },
      description: armLiteral(`Logic Apps custom connector ${definition.info.title ?? ''}`.trim()),
    },
    parameters,
    resources,
    outputs,
  };
  const size = Buffer.byteLength(JSON.stringify(template));
  if (size > ARM_TEMPLATE_LIMIT)
    notes.push({
      code: 'template-too-large',
      severity: 'warning',
      message: `The template is ${(size / 1048576).toFixed(1)} MB, over ARM's 4 MB limit: deployment will refuse it. Shorten the swagger (descriptions, unused definitions) or split the connector.`,
      file: 'swagger',
      pointer: '',
    });
  return { template, notes, parameterSet: chosen.set };
}

function swaggerOf(connector: Connector): JsonObject {
  const file = connector.files.swagger;
  if (!file)
    throw new FlowportError(
      'CONNECTOR_SWAGGER_MISSING',
      `${connector.source} has no apiDefinition.swagger.json; a custom connector needs one.`,
    );
  const raw = connector.definition.raw;
  // Comments and trailing commas leave the value whole; a syntax error leaves only part of it.
  const broken = connector.documents.swagger?.issues.find((i) => i.kind === 'syntax' || i.kind === 'empty');
  if (!raw || broken)
    throw new FlowportError(
      'CONNECTOR_PARSE_FAILED',
      `${file.path} ${broken ? `cannot be read whole (${broken.message})` : 'is not a JSON object'}; run \`flowport validate ${connector.source}\` to see where, and fix it first.`,
    );
  // ARM passes the swagger to the resource provider, which takes Swagger 2.0 documents only.
  if (raw.swagger !== '2.0' || !isObject(raw.paths))
    throw new FlowportError(
      'CONNECTOR_PARSE_FAILED',
      `${file.path} is not a Swagger 2.0 document (${raw.swagger !== '2.0' ? '`"swagger": "2.0"` is missing' : 'it has no `paths` object'}); run \`flowport validate ${connector.source}\` to see what to fix.`,
    );
  return raw;
}

/** `<scheme>://<host><basePath>` as paconn sends it as `backendService` (https when no scheme is listed). */
function serviceUrlOf(connector: Connector): string | undefined {
  const { host, basePath, schemes } = connector.definition;
  if (!host) return undefined;
  const scheme = schemes.includes('https') || schemes.length === 0 ? 'https' : (schemes[0] as string);
  const path = basePath && basePath !== '/' ? basePath.replace(/\/+$/, '') : '';
  return `${scheme}://${host}${path}`;
}

function chooseParameterSet(
  connector: Connector,
  wanted: string | undefined,
  notes: ArmNote[],
): ReturnType<typeof activeParameters> {
  const sets = connector.properties.parameterSets;
  const chosen = activeParameters(connector, wanted ?? sets[0]?.name);
  if (sets.length > 1) {
    const others = sets.filter((s) => s.name !== chosen.set).map((s) => `\`${s.name}\``);
    notes.push({
      code: 'parameter-set-chosen',
      severity: 'warning',
      message: `Logic Apps custom connectors have one way to sign in: the template uses \`${chosen.set}\` and leaves out ${others.join(', ')}${wanted === undefined ? ' (--parameter-set chooses another)' : ''}.`,
      file: 'apiProperties',
      pointer: '/properties/connectionParameterSets',
    });
  }
  return chosen;
}

/** What Logic Apps custom connectors cannot run: policy templates, custom code; what ARM has no field for. */
function lossNotes(connector: Connector, notes: ArmNote[]): void {
  const { properties, files } = connector;
  for (const policy of properties.policies)
    notes.push({
      code: 'policy-templates-dropped',
      severity: 'warning',
      message: `Policy template \`${policy.rawTemplateId ?? policy.templateId}\`${policy.title ? ` ("${policy.title}")` : ''} is left out: Logic Apps custom connectors do not run policy templates, so ${policy.operations.length > 0 ? `${policy.operations.map((o) => `\`${o}\``).join(', ')} behave` : 'the operations behave'} as if it were absent.${policy.templateId === 'dynamichosturl' ? ' Its host comes from each connection; in Logic Apps give it as `serviceUrl`, one deployment per host.' : ''}`,
      file: 'apiProperties',
      pointer: policy.pointer,
    });
  if (files.script || properties.scriptOperations)
    notes.push({
      code: 'custom-code-dropped',
      severity: 'warning',
      message: `Custom code (${files.script?.name ?? 'script.csx'}${properties.scriptOperations?.length ? ` for ${properties.scriptOperations.map((o) => `\`${o}\``).join(', ')}` : ''}) is left out: Logic Apps custom connectors do not run it, so those operations call the backend directly.`,
      file: files.script ? 'script' : 'apiProperties',
      ...(!files.script && { pointer: '/properties/scriptOperations' }),
    });
  const kept = (['publisher', 'stackOwner'] as const).filter((key) => properties[key] !== undefined);
  if (kept.length > 0)
    notes.push({
      code: 'publisher-dropped',
      severity: 'info',
      message: `${kept.map((key) => `\`${key}\` (${JSON.stringify(properties[key])})`).join(' and ')} ${kept.length === 1 ? 'has' : 'have'} no place in a custom API resource and ${kept.length === 1 ? 'is' : 'are'} left out.`,
      file: 'apiProperties',
      pointer: `/properties/${kept[0]}`,
    });
}
