import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { connectorFromFiles } from '../connector/load.ts';
import { validateConnector } from '../validate/validate.ts';
import { codeActions } from './code-actions.ts';
import { lspDiagnostic } from './lsp-diagnostic.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 'Tasks', description: 'Tasks of a team.', version: '1.0' },
  host: 'api.example.com',
  basePath: '/',
  schemes: ['https'],
  paths: {
    '/tasks/{taskId}': {
      get: {
        operationId: 'GetTaskDetails',
        description: 'Gets a task.',
        parameters: [
          { name: 'taskId', in: 'path', required: true, type: 'string', description: 'The task.' },
        ],
        responses: {
          '200': {
            description: 'The task.',
            schema: {
              type: 'object',
              properties: {
                id: { type: 'string', description: 'Its ID.' },
                due_date: { type: 'string', 'x-ms-summary': 'Due', description: 'When.' },
                owner: { type: 'object', properties: { displayName: { type: 'string' } } },
                '@odata.etag': { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
};

/** The findings of the swagger as an editor gets them, and the quick fixes asked for each rule's. */
function fixesFor(ruleId: string) {
  const text = JSON.stringify(swagger, null, 2);
  const connector = connectorFromFiles(
    [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(text) }],
    { source: '/w/certified-connectors/Tasks' },
  );
  const findings = validateConnector(connector, { preset: 'certification' }).diagnostics.filter(
    (d) => d.fileKind === 'swagger',
  );
  const document = TextDocument.create('file:///w/apiDefinition.swagger.json', 'json', 1, text);
  const asked = findings
    .map((d, index) => lspDiagnostic(d, document, { bom: false, index }))
    .filter((d) => d.code === ruleId);
  expect(asked.length).toBeGreaterThan(0);
  const actions = codeActions(document, findings, asked, ['quickfix']).filter((a) =>
    a.title.startsWith('Add'),
  );
  const apply = (i = 0) =>
    JSON.parse(TextDocument.applyEdits(document, actions[i]?.edit?.changes?.[document.uri] ?? []));
  return { actions, apply };
}

describe('display-name quick fixes', () => {
  it("add an operation's summary from its operationId", () => {
    const { actions, apply } = fixesFor('operation-summary-required');
    expect(actions.map((a) => a.title)).toEqual([
      'Add the summary "Get task details" (from the operationId)',
    ]);
    expect(actions[0]?.isPreferred).toBeUndefined();
    expect(apply().paths['/tasks/{taskId}'].get.summary).toBe('Get task details');
  });

  it("add a parameter's x-ms-summary from its name", () => {
    const { actions, apply } = fixesFor('parameter-summary-required');
    expect(actions.map((a) => a.title)).toEqual(['Add the x-ms-summary "Task ID" (from the name)']);
    expect(apply().paths['/tasks/{taskId}'].get.parameters[0]['x-ms-summary']).toBe('Task ID');
  });

  it('label every response property without one, nested ones too, and keep those that have one', () => {
    const { actions, apply } = fixesFor('response-property-summary-required');
    expect(actions.map((a) => a.title)).toEqual(['Add x-ms-summary to 3 properties here (from their names)']);
    const properties = apply().paths['/tasks/{taskId}'].get.responses['200'].schema.properties;
    expect(properties.id['x-ms-summary']).toBe('ID');
    expect(properties.due_date['x-ms-summary']).toBe('Due');
    expect(properties.owner['x-ms-summary']).toBe('Owner');
    expect(properties.owner.properties.displayName['x-ms-summary']).toBe('Display Name');
    // No good name comes from an OData annotation: left to the author.
    expect(properties['@odata.etag']['x-ms-summary']).toBeUndefined();
  });
});
