import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { isFlowportError } from '../errors.ts';
import { withFileArguments } from './file-arguments.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  host: 'api.example.com',
  paths: {
    '/upload': {
      post: {
        operationId: 'Upload',
        consumes: ['multipart/form-data'],
        parameters: [
          { name: 'file', in: 'formData', type: 'file', required: true },
          { name: 'note', in: 'formData', type: 'string' },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/raw': {
      put: {
        operationId: 'PutRaw',
        consumes: ['application/octet-stream'],
        parameters: [{ name: 'body', in: 'body', schema: { type: 'string', format: 'binary' } }],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/json': {
      post: {
        operationId: 'PostJson',
        parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};

describe('file arguments in the $content shape', () => {
  const connector = connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
  ]);
  const op = (id: string) => connector.operation(id)!;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

  it('turns a formData file and a binary body into files, bytes exact', () => {
    const args = withFileArguments(op('Upload'), {
      file: { '$content-type': 'image/png', $content: png.toString('base64'), $filename: 'a.png' },
      note: 'hi',
    });
    expect(args.file).toEqual({ kind: 'file', name: 'a.png', contentType: 'image/png', bytes: png });
    expect(args.note).toBe('hi');
    const raw = withFileArguments(op('PutRaw'), { body: { $content: png.toString('base64') } });
    expect(raw.body).toMatchObject({ kind: 'file', name: 'body', contentType: 'application/octet-stream' });
  });

  it('leaves JSON bodies and other values alone', () => {
    const value = { $content: 'aGk=', '$content-type': 'text/plain' };
    expect(withFileArguments(op('PostJson'), { body: value }).body).toEqual(value);
    expect(withFileArguments(op('Upload'), { file: 'plain text' }).file).toBe('plain text');
  });

  it('refuses content that is not base64, naming the parameter', () => {
    try {
      withFileArguments(op('Upload'), { file: { $content: 'not base64!' } });
      expect.unreachable();
    } catch (error) {
      expect(isFlowportError(error) && error.code).toBe('PARAMETER_INVALID');
      expect((error as Error).message).toMatch(/`file`/);
    }
  });
});
