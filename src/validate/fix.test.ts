import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { fixText, formattingOf, writeFixes } from './fix.ts';
import type { Rule } from './rule.ts';
import consumesMissing from './rules/operation/consumes-missing.ts';
import sentenceCase from './rules/operation/operation-summary-sentence-case.ts';
import descriptionSentence from './rules/parameter/parameter-description-sentence.ts';
import titleCase from './rules/parameter/parameter-summary-title-case.ts';
import missingEncoding from './rules/parameter/path-parameter-missing-encoding.ts';
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
    const write = () =>
      writeFixes([{ file: '/no/such/folder/apiDefinition.swagger.json', before: '', after: '{}', fixed: 1 }]);
    expect(write).toThrow(
      /Cannot write `\/no\/such\/folder\/apiDefinition\.swagger\.json` to fix it \(ENOENT\): make it writable/,
    );
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

/** The rule's findings on `doc`, the text fixed with their edits, and the rule's findings after. */
function roundTrip(rule: Rule, doc: unknown) {
  const before = runRule(rule, { swagger: doc });
  const text = JSON.stringify(doc, null, 2);
  const { after, fixed } = fixText(text, before);
  return { before, fixed, doc: JSON.parse(after), after: runRule(rule, { swagger: JSON.parse(after) }) };
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
  });
});

describe('fixable rules', () => {
  it('say so in their metadata and their doc page, and only they offer changes', async () => {
    const { RULES } = await import('./registry.ts');
    const { readFileSync } = await import('node:fs');
    const fixable = RULES.filter((r) => r.fixable).map((r) => r.id);
    expect(fixable.sort()).toEqual([
      'consumes-missing',
      'operation-summary-sentence-case',
      'parameter-description-sentence',
      'parameter-summary-title-case',
      'path-parameter-missing-encoding',
    ]);
    for (const id of fixable) {
      const doc = readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
      expect(doc, id).toContain('`flowport validate --fix`');
    }
  });
});
