import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { fixText, formattingOf, writeFixes } from './fix.ts';
import type { Rule } from './rule.ts';
import shortHex from './rules/api-properties/brand-color-short-hex.ts';
import jsonStrict from './rules/document/json-strict.ts';
import metadataCasing from './rules/metadata/connector-metadata-casing.ts';
import consumesMissing from './rules/operation/consumes-missing.ts';
import deprecatedLabel from './rules/operation/operation-deprecated-label.ts';
import summaryEnd from './rules/operation/operation-summary-end.ts';
import sentenceCase from './rules/operation/operation-summary-sentence-case.ts';
import descriptionSentence from './rules/parameter/parameter-description-sentence.ts';
import summaryCharacters from './rules/parameter/parameter-summary-characters.ts';
import titleCase from './rules/parameter/parameter-summary-title-case.ts';
import missingEncoding from './rules/parameter/path-parameter-missing-encoding.ts';
import pathItemEmpty from './rules/path/path-item-empty.ts';
import requiredValueEmpty from './rules/schema/required-value-empty.ts';
import { runRule, sampleDiagnostic, swagger } from './testing.ts';

const edit = (
  pointer: string,
  value: Diagnostic['edit'] extends infer E ? (E extends { value: infer V } ? V : never) : never,
) => sampleDiagnostic({ edit: { pointer, value } });

describe('fixText', () => {
  it('replaces values in place, keeping indentation, line ends and everything else', () => {
    const text = '{\r\n\t"a": "x",\r\n\t"b": [1, {"c": "d"}] // kept\r\n}\r\n';
    const { after, fixed } = fixText(text, [edit('/a', 'y'), edit('/b/1/c', 'e')]);
    expect(after).toBe('{\r\n\t"a": "y",\r\n\t"b": [1, {"c": "e"}] // kept\r\n}\r\n');
    expect(fixed).toBe(2);
  });

  it('adds keys with the file’s indentation, one edit after the other where they meet', () => {
    const text = '{\n    "op": {\n        "summary": "S"\n    }\n}\n';
    const { after } = fixText(text, [
      edit('/op/consumes', ['application/json']),
      edit('/op/x-ms-visibility', 'important'),
    ]);
    expect(JSON.parse(after)).toEqual({
      op: { summary: 'S', consumes: ['application/json'], 'x-ms-visibility': 'important' },
    });
    expect(after).toContain('\n        "consumes": [\n            "application/json"\n        ]');
  });

  it('counts the same change found twice once made, and skips places that are not in the text', () => {
    const text = '{"p": {"d": "x"}, "list": [1]}';
    const { after, fixed } = fixText(text, [
      edit('/p/d', 'y'),
      edit('/p/d', 'y'),
      edit('/list/5', 2),
      edit('/list/x', 2),
    ]);
    expect(after).toBe('{"p": {"d": "y"}, "list": [1]}');
    expect(fixed).toBe(2);
  });

  it('adds a key after the last one, as the file writes members, or on the line in compact JSON', () => {
    const text = '{\r\n\t"op": {\r\n\t\t"summary": "S"\r\n\t}\r\n}';
    expect(fixText(text, [edit('/op/consumes', ['application/json'])]).after).toBe(
      '{\r\n\t"op": {\r\n\t\t"summary": "S",\r\n\t\t"consumes": [\r\n\t\t\t"application/json"\r\n\t\t]\r\n\t}\r\n}',
    );
    expect(fixText('{"op": {"summary": "S"}}', [edit('/op/x-ms-url-encoding', 'single')]).after).toBe(
      '{"op": {"summary": "S", "x-ms-url-encoding": "single"}}',
    );
  });

  it('keeps a byte order mark where it is', () => {
    expect(fixText('\uFEFF{"d": "x"}', [edit('/d', 'x.')])).toEqual({ after: '\uFEFF{"d": "x."}', fixed: 1 });
  });

  it('names a file it cannot write, as a usage error', () => {
    const write = () => writeFixes([{ file: '/no/such/folder/apiDefinition.swagger.json', after: '{}' }]);
    expect(write).toThrow(
      /Cannot write `\/no\/such\/folder\/apiDefinition\.swagger\.json` to fix it \(ENOENT\): make it writable/,
    );
  });

  it('leaves a different change of the same value to the next pass, and counts only what it made', () => {
    const first = fixText('{"s": "due date?"}', [edit('/s', 'due date'), edit('/s', 'Due Date?')]);
    expect(first).toEqual({ after: '{"s": "due date"}', fixed: 1 });
    expect(fixText(first.after, [edit('/s', 'Due Date')])).toEqual({ after: '{"s": "Due Date"}', fixed: 1 });
  });

  it('removes members, their commas with them, keeping the rest of the text', () => {
    const remove = (pointer: string) => sampleDiagnostic({ edit: { pointer, remove: true } });
    const text =
      '{\n  "a": {\n    "format": "",\n    "type": "string"\n  },\n  "b": {"x": 1, "y": "", "z": ""}\n}\n';
    const { after, fixed } = fixText(text, [
      remove('/a/format'),
      remove('/b/y'),
      remove('/b/z'),
      remove('/b/none'),
    ]);
    expect(fixed).toBe(3);
    expect(after).toBe('{\n  "a": {\n    "type": "string"\n  },\n  "b": {"x": 1}\n}\n');
    // A removal and a change of the same place are two changes: the second waits for the next pass.
    expect(fixText('{"v": ""}', [remove('/v'), edit('/v', 'x')])).toEqual({ after: '{}', fixed: 1 });
  });

  it('changes the last of a key written twice, the one JSON.parse reads', () => {
    expect(fixText('{"d": "Kept.", "d": "Read"}', [edit('/d', 'Read.')]).after).toBe(
      '{"d": "Kept.", "d": "Read."}',
    );
  });

  it('reads the formatting of a file', () => {
    expect(formattingOf('{\n\t"a": 1\n}')).toEqual({ insertSpaces: false, tabSize: 1, eol: '\n' });
    expect(formattingOf('{\r\n    "a": 1\r\n}')).toEqual({ insertSpaces: true, tabSize: 4, eol: '\r\n' });
    expect(formattingOf('{"a": 1}')).toEqual({ insertSpaces: true, tabSize: 2, eol: '\n' });
  });
});

/**
 * The rule's findings on `doc` (the swagger, or the file named), the text fixed with their edits, and
 * the rule's findings after.
 */
function roundTrip(rule: Rule, doc: unknown, file: 'swagger' | 'apiProperties' = 'swagger') {
  const files = (d: unknown) => (file === 'swagger' ? { swagger: d } : { swagger: swagger(), [file]: d });
  const before = runRule(rule, files(doc));
  const text = JSON.stringify(doc, null, 2);
  const { after, fixed } = fixText(text, before);
  return { before, fixed, doc: JSON.parse(after), after: runRule(rule, files(JSON.parse(after))) };
}

const operation = (op: Record<string, unknown>, path = '/tasks/{id}', method = 'get') =>
  swagger({
    consumes: undefined,
    paths: {
      [path]: { [method]: { operationId: 'GetTask', responses: { 200: { description: 'OK' } }, ...op } },
    },
  });
const param = (extra: Record<string, unknown>) => ({
  name: 'id',
  in: 'path',
  required: true,
  type: 'string',
  'x-ms-url-encoding': 'single',
  ...extra,
});

describe('the changes rules offer', () => {
  it('silence their rule once made', () => {
    const cases: [Rule, unknown][] = [
      [missingEncoding, operation({ parameters: [param({ 'x-ms-url-encoding': undefined })] })],
      [titleCase, operation({ parameters: [param({ 'x-ms-summary': 'Task id of the list' })] })],
      [
        descriptionSentence,
        operation({ parameters: [param({ 'x-ms-summary': 'Task ID', description: 'The task to get' })] }),
      ],
      [sentenceCase, operation({ summary: 'Get A Task By Its Number' })],
      [
        consumesMissing,
        operation(
          { parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }] },
          '/tasks',
          'post',
        ),
      ],
    ];
    for (const [rule, doc] of cases) {
      const r = roundTrip(rule, JSON.parse(JSON.stringify(doc)));
      expect(r.before, rule.id).toHaveLength(1);
      expect(r.fixed, rule.id).toBe(1);
      expect(r.after, rule.id).toEqual([]);
    }
  });

  it('silence their rule once made, in any file, several findings with one change', () => {
    const cases: [Rule, unknown, 'swagger' | 'apiProperties', number][] = [
      [
        summaryCharacters,
        operation({ parameters: [param({ 'x-ms-summary': 'Include Archived?' })] }),
        'swagger',
        1,
      ],
      [summaryEnd, operation({ summary: 'Get a task. ' }), 'swagger', 1],
      [
        deprecatedLabel,
        operation({ summary: 'Get a task', description: 'Old.', deprecated: true }),
        'swagger',
        2,
      ],
      [
        metadataCasing,
        swagger({
          'x-ms-connector-metadata': [
            { propertyName: 'website', propertyValue: 'https://example.com' },
            { propertyName: 'Privacy policy', propertyValue: 'https://example.com/privacy' },
            { propertyName: 'Categories', propertyValue: 'data; productivity' },
          ],
        }),
        'swagger',
        3,
      ],
      [shortHex, { properties: { iconBrandColor: '#0AF' } }, 'apiProperties', 1],
      [
        pathItemEmpty,
        swagger({
          paths: {
            '/hooks': {},
            '/tasks': { get: { operationId: 'ListTasks', responses: { 200: { description: 'OK' } } } },
          },
        }),
        'swagger',
        1,
      ],
      [
        requiredValueEmpty,
        operation({ parameters: [param({ 'x-ms-visibility': '', format: ' ', 'x-ms-summary': 'Task ID' })] }),
        'swagger',
        2,
      ],
    ];
    for (const [rule, doc, file, findings] of cases) {
      const r = roundTrip(rule, JSON.parse(JSON.stringify(doc)), file);
      expect(r.before, rule.id).toHaveLength(findings);
      // The deprecated description needs a sentence only a person can write.
      const left = rule === deprecatedLabel ? 1 : 0;
      expect(r.fixed, rule.id).toBe(findings - left);
      expect(r.after, rule.id).toHaveLength(left);
    }
  });

  it('make a file strict JSON: a byte order mark, comments and trailing commas go', () => {
    const text = `\uFEFF${JSON.stringify(swagger(), null, 2).replace('"swagger": "2.0",', '"swagger": "2.0", // v2\n  /* info */').replace(/\n}$/, ',\n}')}`;
    const before = runRule(jsonStrict, { swagger: text });
    expect(before.map((d) => d.message)).toEqual([
      'The file starts with a UTF-8 byte order mark.',
      'JSON does not allow comments.',
      'JSON does not allow comments.',
      'A trailing comma follows the last item.',
    ]);
    const { after, fixed } = fixText(text, before);
    expect(fixed).toBe(4);
    expect(runRule(jsonStrict, { swagger: after })).toEqual([]);
    expect(JSON.parse(after)).toEqual(swagger());
  });

  it('write what a person would', () => {
    const op = (doc: unknown) =>
      (doc as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;
    expect(
      op(
        roundTrip(titleCase, operation({ parameters: [param({ 'x-ms-summary': 'Task id of the list' })] }))
          .doc,
      )['/tasks/{id}']?.get?.parameters,
    ).toMatchObject([{ 'x-ms-summary': 'Task Id of the List' }]);
    expect(
      op(roundTrip(sentenceCase, operation({ summary: 'Get A Task By Its Number' })).doc)['/tasks/{id}']?.get
        ?.summary,
    ).toBe('Get a task by its number');
    expect(
      op(
        roundTrip(missingEncoding, operation({ parameters: [param({ 'x-ms-url-encoding': undefined })] }))
          .doc,
      )['/tasks/{id}']?.get?.parameters,
    ).toMatchObject([{ 'x-ms-url-encoding': 'single' }]);
    expect(
      op(
        roundTrip(
          consumesMissing,
          operation({ parameters: [{ name: 'f', in: 'formData', type: 'string' }] }, '/tasks', 'post'),
        ).doc,
      )['/tasks']?.post?.consumes,
    ).toEqual(['multipart/form-data']);
    const summaryOf = (doc: unknown) =>
      (op(doc)['/tasks/{id}']?.get?.parameters as Record<string, unknown>[] | undefined)?.[0]?.[
        'x-ms-summary'
      ];
    expect(
      summaryOf(
        roundTrip(summaryCharacters, operation({ parameters: [param({ 'x-ms-summary': 'Task ID:' })] })).doc,
      ),
    ).toBe('Task ID');
    expect(
      op(roundTrip(summaryEnd, operation({ summary: 'Get a task.' })).doc)['/tasks/{id}']?.get?.summary,
    ).toBe('Get a task');
    expect(
      op(roundTrip(deprecatedLabel, operation({ summary: 'Get a task', deprecated: true })).doc)[
        '/tasks/{id}'
      ]?.get?.summary,
    ).toBe('Get a task (deprecated)');
    const metadata = roundTrip(
      metadataCasing,
      swagger({
        'x-ms-connector-metadata': [
          { propertyName: 'Privacy Policy', propertyValue: 'https://example.com/privacy' },
          { propertyName: 'Categories', propertyValue: 'Data; sales and crm' },
        ],
      }),
    ).doc as { 'x-ms-connector-metadata': unknown };
    expect(metadata['x-ms-connector-metadata']).toEqual([
      { propertyName: 'Privacy policy', propertyValue: 'https://example.com/privacy' },
      { propertyName: 'Categories', propertyValue: 'Data; Sales and CRM' },
    ]);
    expect(roundTrip(shortHex, { properties: { iconBrandColor: '#0AF' } }, 'apiProperties').doc).toEqual({
      properties: { iconBrandColor: '#00aaff' },
    });
  });

  it('offer none where a person must decide', () => {
    const editsOf = (rule: Rule, doc: unknown) => runRule(rule, { swagger: doc }).map((d) => d.edit);
    // Upper case: acronyms cannot be told from words.
    expect(editsOf(sentenceCase, operation({ summary: 'GET ALL TASKS' }))).toEqual([undefined]);
    // A description ending in `:` is unfinished, not missing a period.
    expect(
      editsOf(
        descriptionSentence,
        operation({
          parameters: [param({ 'x-ms-summary': 'Task ID', description: 'One of these values:' })],
        }),
      ),
    ).toEqual([undefined]);
    // A `consumes` with only unsupported types: which one was meant?
    expect(
      editsOf(
        consumesMissing,
        operation(
          { consumes: ['application/x-foo'], parameters: [{ name: 'b', in: 'body', schema: {} }] },
          '/t',
          'post',
        ),
      ),
    ).toEqual([undefined]);
    // Punctuation inside a label needs words (`Yes/No`), and only what trails it is dropped.
    expect(
      editsOf(summaryCharacters, operation({ parameters: [param({ 'x-ms-summary': 'Yes/No?' })] })),
    ).toEqual([undefined]);
    // A path item with parameters or notification content but no operation: a method misspelt?
    expect(
      editsOf(
        pathItemEmpty,
        swagger({ paths: { '/hooks': { parameters: [], Post: { operationId: 'P' } } } }),
      ),
    ).toEqual([undefined]);
    // An empty summary or type: without it the parameter means something else.
    expect(
      editsOf(requiredValueEmpty, operation({ parameters: [param({ 'x-ms-summary': '', type: '' })] })),
    ).toEqual([undefined, undefined]);
    // A closing quote or bracket at the end: which opening one goes with it?
    expect(editsOf(summaryEnd, operation({ summary: 'Send "hello"' }))).toEqual([undefined]);
    // A summary ending in a period, or one the label would make too long for certification.
    expect(
      editsOf(deprecatedLabel, operation({ summary: 'Gets a task.', deprecated: true })).map(Boolean),
    ).toEqual([false]);
    expect(
      editsOf(deprecatedLabel, operation({ summary: `Get ${'a very '.repeat(10)}task`, deprecated: true })),
    ).toEqual([undefined]);
  });
});

describe('fixable rules', () => {
  it('say so in their metadata and their doc page, and only they offer changes', async () => {
    const { RULES } = await import('./registry.ts');
    const { readFileSync } = await import('node:fs');
    const fixable = RULES.filter((r) => r.fixable).map((r) => r.id);
    expect(fixable.sort()).toEqual([
      'brand-color-short-hex',
      'connector-metadata-casing',
      'consumes-missing',
      'json-strict',
      'operation-deprecated-label',
      'operation-summary-end',
      'operation-summary-sentence-case',
      'parameter-description-sentence',
      'parameter-summary-characters',
      'parameter-summary-title-case',
      'path-item-empty',
      'path-parameter-missing-encoding',
      'required-value-empty',
    ]);
    for (const id of fixable) {
      const doc = readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
      expect(doc, id).toContain('`flowport validate --fix`');
    }
  });
});
