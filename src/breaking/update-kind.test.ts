import { describe, expect, it } from 'vitest';
import type { RawFile } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import { classifyUpdate } from './update-kind.ts';

// biome-ignore lint/suspicious/noExplicitAny: test documents are plain JSON, changed freely by each case.
type Doc = Record<string, any>;

const swagger = (): Doc => ({
  swagger: '2.0',
  info: { title: 'Contoso', description: 'Contoso items.', version: '1.0', contact: { name: 'A' } },
  paths: {
    '/items': {
      get: {
        operationId: 'ListItems',
        summary: 'List items',
        description: 'Lists the items.',
        parameters: [{ name: 'q', in: 'query', type: 'string', description: 'A filter.' }],
        responses: { 200: { description: 'OK' } },
      },
    },
  },
});
const properties = (): Doc => ({
  properties: {
    connectionParameters: {
      key: { type: 'securestring', uiDefinition: { tooltip: 'Your key', description: 'Key' } },
    },
    iconBrandColor: '#007ee5',
    publisher: 'Contoso',
  },
});

const encode = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
function connector(s: Doc | string, p: Doc, extra: RawFile[] = []) {
  return connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encode(s) },
      { name: 'apiProperties.json', bytes: encode(p) },
      ...extra,
    ],
    { source: 'x' },
  );
}

function classify(edit: (s: Doc, p: Doc) => void, extraBefore: RawFile[] = [], extraAfter: RawFile[] = []) {
  const s = swagger();
  const p = properties();
  edit(s, p);
  return classifyUpdate(connector(swagger(), properties(), extraBefore), connector(s, p, extraAfter));
}

const readme = (text: string): RawFile => ({ name: 'readme.md', bytes: encode(text) });

describe('classifyUpdate', () => {
  it('finds no difference between equal versions', () => {
    expect(classify(() => {})).toEqual({ kind: 'none', differences: [] });
  });

  it('calls an update minor when only descriptions, summaries, contact, colour, publisher, tooltips and the readme change', () => {
    const result = classify(
      (s, p) => {
        s.info.description = 'Contoso items, better described.';
        s.info.contact.email = 'a@contoso.com';
        s.paths['/items'].get.summary = 'List the items';
        s.paths['/items'].get.description = 'Lists every item.';
        s.paths['/items'].get.responses[200].description = 'The items';
        p.properties.iconBrandColor = '#ffffff';
        p.properties.publisher = 'Contoso Ltd';
        p.properties.connectionParameters.key.uiDefinition.tooltip = 'The API key';
      },
      [readme('# Contoso')],
      [readme('# Contoso\n\nMore.')],
    );
    expect(result.kind).toBe('minor');
    expect(result.differences.every((d) => d.minor)).toBe(true);
    expect(result.differences).toContainEqual({ file: 'readme', pointer: undefined, minor: true });
  });

  it.each<[string, (s: Doc, p: Doc) => void, { file: string; pointer: string | undefined }]>([
    [
      'a parameter description',
      (s) => (s.paths['/items'].get.parameters[0].description = 'Filter.'),
      { file: 'swagger', pointer: '/paths/~1items/get/parameters/0/description' },
    ],
    ['the version', (s) => (s.info.version = '1.1'), { file: 'swagger', pointer: '/info/version' }],
    [
      'an added operation',
      (s) => (s.paths['/items'].post = { operationId: 'Add', responses: {} }),
      { file: 'swagger', pointer: '/paths/~1items/post' },
    ],
    [
      'a connection parameter type',
      (_s, p) => (p.properties.connectionParameters.key.type = 'string'),
      { file: 'apiProperties', pointer: '/properties/connectionParameters/key/type' },
    ],
  ])('calls an update major when it changes %s, and names the place', (_name, edit, place) => {
    const result = classify((s, p) => {
      s.info.description = 'Changed too, which alone would be minor.';
      edit(s, p);
    });
    expect(result.kind).toBe('major');
    expect(result.differences[0]).toEqual({ ...place, minor: false });
  });

  it('compares custom code and files that are not JSON by their bytes', () => {
    const script = (text: string): RawFile => ({ name: 'script.csx', bytes: encode(text) });
    expect(classify(() => {}, [script('class Script {}')], [script('class Script { }')])).toMatchObject({
      kind: 'major',
      differences: [{ file: 'script', pointer: undefined, minor: false }],
    });
    // An empty swagger has no JSON value to compare with.
    const broken = classifyUpdate(connector('', properties()), connector(swagger(), properties()));
    expect(broken).toMatchObject({ kind: 'major', differences: [{ file: 'swagger', pointer: undefined }] });
  });
});
