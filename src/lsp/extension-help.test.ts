import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KNOWN_EXTENSIONS } from '../validate/helpers/extension-names.ts';
import { EXTENSIONS } from './extension-catalogue.ts';
import { extensionCompletions, extensionHoverAt, placeOf } from './extension-help.ts';

/** A document and the offset of `|` in `text` (removed). */
function at(text: string) {
  const offset = text.indexOf('|');
  return {
    doc: TextDocument.create('file:///c/apiDefinition.swagger.json', 'json', 1, text.replace('|', '')),
    offset,
  };
}
const labels = (text: string) => {
  const { doc, offset } = at(text);
  return extensionCompletions(doc, offset).map((c) => c.label);
};

describe('x-ms extension help', () => {
  it('knows only extensions the validator knows too', () => {
    for (const e of EXTENSIONS) expect(KNOWN_EXTENSIONS).toContain(e.name);
  });

  it('tells the places of a swagger apart', () => {
    expect(placeOf([])).toBe('root');
    expect(placeOf(['info'])).toBe('info');
    expect(placeOf(['paths', '/tasks'])).toBe('pathItem');
    expect(placeOf(['paths', '/tasks', 'post'])).toBe('operation');
    expect(placeOf(['paths', '/tasks', 'post', 'parameters', 0])).toBe('parameter');
    expect(placeOf(['paths', '/tasks', 'parameters', 1])).toBe('parameter');
    expect(placeOf(['paths', '/tasks', 'post', 'responses', '200'])).toBe('response');
    expect(placeOf(['paths', '/tasks', 'post', 'responses', '200', 'headers', 'Location'])).toBe('header');
    expect(placeOf(['paths', '/tasks', 'post', 'responses', '200', 'schema'])).toBe('schema');
    expect(placeOf(['definitions', 'Task'])).toBe('schema');
    expect(placeOf(['definitions', 'Task', 'properties', 'properties'])).toBe('schema');
    expect(placeOf(['definitions', 'Task', 'properties'])).toBeUndefined();
    expect(placeOf(['parameters', 'taskId'])).toBe('parameter');
    expect(placeOf(['paths', '/tasks', 'summary'])).toBeUndefined();
  });

  it('offers the extensions that go where the key is typed, not those already there', () => {
    const operation = labels('{ "paths": { "/t": { "get": { "x-ms-visibility": "advanced", "|" } } } }');
    expect(operation).toContain('x-ms-trigger');
    expect(operation).toContain('x-ms-pageable');
    expect(operation).not.toContain('x-ms-visibility');
    expect(operation).not.toContain('x-ms-summary');
    const parameter = labels(
      '{ "paths": { "/t/{id}": { "get": { "parameters": [ { "name": "id", "|" } ] } } } }',
    );
    expect(parameter).toEqual(
      expect.arrayContaining(['x-ms-summary', 'x-ms-url-encoding', 'x-ms-dynamic-values']),
    );
    expect(parameter).not.toContain('x-ms-trigger');
    expect(labels('{ "paths": { "/t": { "|" } } }').filter((l) => l.startsWith('x-ms'))).toEqual([
      'x-ms-notification-content',
    ]);
    // Not a place for extensions (the names of properties), or a value position.
    expect(labels('{ "definitions": { "Task": { "properties": { "|" } } } }')).toEqual([]);
    expect(labels('{ "info": { "title": "|" } }')).toEqual([]);
  });

  it('replaces the key typed so far with the name and a value to fill in', () => {
    const { doc, offset } = at('{ "definitions": { "Task": { "x-ms-vi|" } } }');
    const item = extensionCompletions(doc, offset).find((c) => c.label === 'x-ms-visibility');
    expect(item?.filterText).toBe('"x-ms-visibility"');
    const edit = item?.textEdit as {
      range: { start: { character: number }; end: { character: number } };
      newText: string;
    };
    expect(doc.getText().slice(edit.range.start.character, edit.range.end.character)).toBe('"x-ms-vi"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an LSP snippet's placeholder.
    expect(edit.newText).toBe('"x-ms-visibility": "${1|important,advanced,internal|}"');
  });

  it('offers the values of an extension that takes a few', () => {
    expect(labels('{ "paths": { "/t": { "get": { "x-ms-trigger": "|" } } } }')).toEqual(['single', 'batch']);
    expect(labels('{ "paths": { "/t": { "get": { "x-ms-pageable": "|" } } } }')).toEqual([]);
  });

  it('says on hover what an extension does, and when it is out of place', () => {
    const hover = (text: string) => {
      const { doc, offset } = at(text);
      const h = extensionHoverAt(doc, offset);
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined;
    };
    const trigger = hover('{ "paths": { "/t": { "get": { "x-ms-tr|igger": "batch" } } } }');
    expect(trigger).toMatch(/^\*\*x-ms-trigger\*\*/);
    expect(trigger).toMatch(/openapi-extensions#x-ms-trigger\)$/);
    expect(trigger).not.toMatch(/does not read it/);
    expect(hover('{ "definitions": { "T": { "x-ms-tr|igger": "batch" } } }')).toMatch(
      /The platform does not read it on schemas and properties\./,
    );
    expect(hover('{ "paths": { "/t": { "get": { "x-ms-trigger": "bat|ch" } } } }')).toBe(
      '`batch` (x-ms-trigger): The response holds an array; each item is one event.',
    );
    // Swagger's own keywords have their hover too (below); a key that is neither has none.
    expect(hover('{ "paths": { "/t": { "get": { "summ|ary": "x" } } } }')).toMatch(
      /^\*\*summary\*\* \(Swagger 2\.0\)/,
    );
    expect(hover('{ "paths": { "/t": { "get": { "no|tes": "x" } } } }')).toBeUndefined();
  });

  it("offers Swagger's own keywords where they go, with the values of those that take a few", () => {
    expect(labels('{ "swagger": "2.0", "|" }')).toEqual(
      expect.arrayContaining(['info', 'host', 'paths', 'definitions']),
    );
    expect(labels('{ "swagger": "2.0", "|" }')).not.toContain('swagger');
    expect(labels('{ "paths": { "/t": { "|" } } }').slice(0, 8)).toEqual([
      'parameters',
      'get',
      'post',
      'put',
      'patch',
      'delete',
      'head',
      'options',
    ]);
    const parameter = labels('{ "paths": { "/t": { "get": { "parameters": [ { "name": "id", "|" } ] } } } }');
    expect(parameter).toEqual(expect.arrayContaining(['in', 'required', 'type', 'collectionFormat']));
    expect(parameter).not.toContain('name');
    expect(parameter).not.toContain('properties');
    const schema = labels('{ "definitions": { "Task": { "|" } } }');
    expect(schema).toEqual(expect.arrayContaining(['properties', 'required', 'allOf', '$ref']));
    // What the platform rejects is never offered.
    for (const rejected of ['oneOf', 'anyOf', 'not', 'uniqueItems']) expect(schema).not.toContain(rejected);
    expect(labels('{ "paths": { "/t": { "get": { "parameters": [ { "in": "|" } ] } } } }')).toEqual([
      'query',
      'path',
      'header',
      'body',
      'formData',
    ]);
    expect(labels('{ "definitions": { "Task": { "type": "|" } } }')).toContain('object');
    expect(labels('{ "paths": { "/t": { "get": { "parameters": [ { "type": "|" } ] } } } }')).toContain(
      'file',
    );
    expect(labels('{ "definitions": { "T": { "type": "integer", "format": "|" } } }')).toEqual([
      'int32',
      'int64',
    ]);
    expect(labels('{ "definitions": { "T": { "format": "|" } } }')).toEqual([]);
    expect(labels('{ "schemes": [ "|" ] }')).toEqual(['https', 'http']);
  });

  it('says what a Swagger keyword does on hover, where it is one', () => {
    const hover = (text: string) => {
      const { doc, offset } = at(text);
      const h = extensionHoverAt(doc, offset);
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : undefined;
    };
    expect(
      hover('{ "paths": { "/t": { "get": { "parameters": [ { "collection|Format": "csv" } ] } } } }'),
    ).toBe(
      '**collectionFormat** (Swagger 2.0) — How an array is written: `csv` (default), `ssv`, `tsv`, `pipes` or `multi`.',
    );
    expect(hover('{ "definitions": { "T": { "requ|ired": ["a"] } } }')).toBe(
      '**required** (Swagger 2.0) — The properties that must be present.',
    );
    // A property named like a keyword is no keyword; nor is a value.
    expect(hover('{ "definitions": { "T": { "properties": { "ty|pe": {} } } } }')).toBeUndefined();
    expect(hover('{ "definitions": { "T": { "type": "str|ing" } } }')).toBeUndefined();
  });
});
