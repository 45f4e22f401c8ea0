import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ServerError } from './errors.ts';
import { CONNECTOR_ID, connectorIdFrom, filesFromUpload, filesFromZip } from './import.ts';
import { createMasker } from './invocation.ts';

describe('connectorIdFrom', () => {
  it.each([
    ['Tasklane', 'tasklane'],
    ['Contoso Tasks (Preview)', 'contoso-tasks-preview'],
    ['  Café — Menu  ', 'cafe-menu'],
    ['***', ''],
  ])('%s → %s', (title, id) => {
    expect(connectorIdFrom(title)).toBe(id);
  });

  it('gives valid ids for long titles', () => {
    const id = connectorIdFrom(`${'a'.repeat(63)} b`);
    expect(CONNECTOR_ID.test(id)).toBe(true);
  });
});

describe('filesFromZip', () => {
  it('reads the files of the single top folder', () => {
    const zip = zipSync({
      'c/apiDefinition.swagger.json': new TextEncoder().encode('{}'),
      'c/readme.md': new Uint8Array(1),
    });
    expect(
      filesFromZip(zip, 1000)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['apiDefinition.swagger.json', 'readme.md']);
  });

  it('refuses an archive that unpacks beyond the limit', () => {
    const zip = zipSync({ 'big.bin': new Uint8Array(100_000) });
    expect(zip.length).toBeLessThan(2000);
    expect(() => filesFromZip(zip, 50_000)).toThrow(expect.objectContaining({ code: 'BODY_TOO_LARGE' }));
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => filesFromZip(new Uint8Array([1, 2, 3]), 1000)).toThrow(ServerError);
  });
});

describe('filesFromUpload', () => {
  it('decodes base64 and refuses duplicate names', () => {
    expect(filesFromUpload([{ name: 'a.md', content: 'aGk=' }])[0]?.bytes).toEqual(
      new Uint8Array([104, 105]),
    );
    expect(() =>
      filesFromUpload([
        { name: 'A.md', content: '' },
        { name: 'a.md', content: '' },
      ]),
    ).toThrow(/twice/);
  });
});

describe('createMasker', () => {
  it('masks secrets, their encoded forms and credential headers in JSON values', () => {
    const mask = createMasker(['s3cr3t/value']);
    expect(mask.text('key=s3cr3t%2Fvalue&x=1')).toBe('key=***&x=1');
    expect(mask.json({ a: ['s3cr3t/value', 1], b: { c: 'Bearer abcdefgh1234' } })).toEqual({
      a: ['***', 1],
      b: { c: 'Bearer ***' },
    });
    expect(
      mask.headers(new Headers({ authorization: 'Basic dXNlcjpwYXNz', 'x-key': 's3cr3t/value' })),
    ).toEqual({
      authorization: 'Basic ***',
      'x-key': '***',
    });
    expect(mask.text('nothing here')).toBe('nothing here');
  });
});
