import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, uploadOf } from '../testing.ts';

const TASKLANE = new URL('../../../examples/tasklane/', import.meta.url).pathname;
const PROJECTS = {
  value: [
    { id: 'p1', name: 'Home', owner: null },
    { id: 'p2', name: 'Work', owner: 'ana@contoso.com' },
  ],
};

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestServer({});
  await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(TASKLANE) });
  return t;
}
const url = (op: string, dryRun = false) =>
  `/api/v1/connectors/tasklane/operations/${op}/response-schema${dryRun ? '?dryRun=true' : ''}`;

describe('POST …/operations/{operationId}/response-schema', () => {
  it('shows the inferred schema and the change to anyone as a dry run, storing nothing', async () => {
    const server = await setup();
    const res = await server.call(server.maker, 'POST', url('ListProjects', true), {
      samples: [PROJECTS],
      replace: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.schema.properties.value.items.properties.owner).toEqual({
      type: 'string',
      format: 'email',
      'x-nullable': true,
      'x-ms-summary': 'Owner',
    });
    expect(body.diff).toContain('+');
    expect(body.diff).toContain('apiDefinition.swagger.json');
    expect(res.body).not.toContain('ana@contoso.com');
    const versions = await server.call(server.admin, 'GET', '/api/v1/connectors/tasklane/versions');
    expect(versions.json().versions ?? versions.json()).toHaveLength(1);
  });

  it('stores a new version for an admin; a schema already there needs replace, and makers cannot', async () => {
    const server = await setup();
    const exists = await server.call(server.admin, 'POST', url('ListProjects'), { samples: [PROJECTS] });
    expect(exists.statusCode).toBe(409);
    expect(exists.json().code).toBe('RESPONSE_SCHEMA_EXISTS');
    expect(
      (await server.call(server.maker, 'POST', url('ListProjects'), { samples: [PROJECTS], replace: true }))
        .statusCode,
    ).toBe(403);
    const made = await server.call(server.admin, 'POST', url('ListProjects'), {
      samples: [PROJECTS],
      replace: true,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ created: true, version: { version: 2 } });
    const latest = await server.store.getConnectorVersion('tasklane');
    const swagger = latest?.files.find((f) => f.name === 'apiDefinition.swagger.json');
    const written = JSON.parse(new TextDecoder().decode(swagger?.bytes)).paths['/projects'].get.responses[
      '200'
    ].schema;
    expect(written.properties.value.items.properties.owner['x-nullable']).toBe(true);
  });

  it('adds a response the operation does not declare, and refuses unknown operations and bad bodies', async () => {
    const server = await setup();
    const added = await server.call(server.admin, 'POST', url('DeleteTask'), {
      samples: [{ deleted: true }],
      status: '200',
    });
    expect(added.statusCode).toBe(201);
    expect((await server.call(server.admin, 'POST', url('NoSuchOp'), { samples: [{}] })).statusCode).toBe(
      404,
    );
    expect((await server.call(server.admin, 'POST', url('DeleteTask'), { samples: [] })).statusCode).toBe(
      400,
    );
    expect(
      (await server.call(server.admin, 'POST', url('DeleteTask'), { samples: [{}], status: 'ok' }))
        .statusCode,
    ).toBe(400);
  });
});
