import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  documentSymbols,
  operationRefAt,
  operationSummary,
  operationTarget,
  refTarget,
  refUses,
  renameEdits,
  renameRange,
} from './navigation.ts';

const text = readFileSync(
  new URL('../../examples/tasklane/apiDefinition.swagger.json', import.meta.url),
  'utf8',
);
const doc = TextDocument.create('file:///t/apiDefinition.swagger.json', 'json', 1, text);
const lines = text.split('\n');
/** The offset of `needle` in the text (its `nth` occurrence), plus `delta`. */
const at = (needle: string, delta = 0, nth = 0) => {
  let i = -1;
  for (let n = 0; n <= nth; n++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in the example`);
  return i + delta;
};
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));

describe('swagger navigation', () => {
  it('outlines paths with their operations by operationId, and the definitions and parameters', () => {
    const symbols = documentSymbols(doc);
    expect(symbols.map((s) => s.name)).toEqual(['paths', 'definitions', 'parameters', 'securityDefinitions']);
    const paths = symbols[0]?.children ?? [];
    expect(paths[0]?.name).toBe('/projects');
    expect(paths[0]?.children?.[0]).toMatchObject({ name: 'ListProjects', kind: SymbolKind.Method });
    expect(paths[0]?.children?.[0]?.detail).toMatch(/^GET · /);
    const task = symbols[1]?.children?.find((s) => s.name === 'Task');
    expect(task?.kind).toBe(SymbolKind.Class);
    expect(task?.selectionRange.start.line).toBe(lineOf('"Task": {'));
  });

  it('takes a $ref to the member it names', () => {
    const target = refTarget(doc, at('"#/definitions/ProjectList"', 3));
    expect(target?.range.start.line).toBe(lineOf('"ProjectList": {'));
    expect(refTarget(doc, at('"#/parameters/projectId"', 3))?.range.start.line).toBe(
      lines.findIndex((l) => l.startsWith('    "projectId": {')),
    );
    // Not on a $ref, or a $ref to nothing: no target.
    expect(refTarget(doc, at('"ListProjects"', 2))).toBeUndefined();
    const dangling = TextDocument.create(doc.uri, 'json', 1, '{ "a": { "$ref": "#/definitions/Nope" } }');
    expect(refTarget(dangling, 20)).toBeUndefined();
  });

  it('lists the $refs to a definition, from its key or from one of them', () => {
    const fromKey = refUses(doc, at('\n    "projectId": {', 7), false);
    const count = text.split('"#/parameters/projectId"').length - 1;
    expect(fromKey).toHaveLength(count);
    expect(count).toBeGreaterThan(1);
    const fromRef = refUses(doc, at('"#/parameters/projectId"', 3), true);
    expect(fromRef).toHaveLength(count + 1);
    expect(fromRef[0]?.range.start.line).toBe(lines.findIndex((l) => l.startsWith('    "projectId": {')));
  });

  it('reads half-typed text', () => {
    const typing = TextDocument.create(
      doc.uri,
      'json',
      2,
      '{ "definitions": { "A": {}, "B": { "$ref": "#/definitions/A" }, ',
    );
    expect(refTarget(typing, typing.getText().indexOf('#/definitions/A'))?.range.start.character).toBe(19);
    expect(documentSymbols(typing)[0]?.children?.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('renames a definition and every $ref to it, from its key or a $ref', () => {
    const fromRef = renameEdits(doc, at('"#/definitions/ProjectList"', 3), 'Projects');
    if (!('edits' in fromRef)) throw new Error(fromRef.refused);
    const renamed = TextDocument.applyEdits(doc, fromRef.edits);
    expect(renamed).not.toMatch(/ProjectList/);
    expect(renamed).toMatch(/"#\/definitions\/Projects"/);
    expect(JSON.parse(renamed).definitions.Projects).toEqual(JSON.parse(text).definitions.ProjectList);
    expect(renameRange(doc, at('\n    "ProjectList": {', 7))?.placeholder).toBe('ProjectList');
    const fromKey = renameEdits(doc, at('\n    "ProjectList": {', 7), 'Projects');
    expect(fromKey).toEqual(fromRef);
  });

  it('refuses a name that is taken, an empty one, and things other than definitions, parameters and responses', () => {
    expect(renameEdits(doc, at('"#/definitions/ProjectList"', 3), 'Task')).toEqual({
      refused: '`definitions` already has `Task`; choose another name.',
    });
    expect(renameEdits(doc, at('"#/definitions/ProjectList"', 3), '')).toEqual({
      refused: 'A name cannot be empty.',
    });
    expect(renameRange(doc, at('"/projects"', 2))).toBeUndefined();
    expect('refused' in renameEdits(doc, at('"/projects"', 2), 'x')).toBe(true);
  });

  it('tells an operationId that refers to an operation from the one that declares it, and finds the operation', () => {
    const ref = operationRefAt(doc, at('"ListProjects"', 2, 1), 'swagger');
    expect(ref?.id).toBe('ListProjects');
    expect(operationRefAt(doc, at('"ListProjects"', 2, 0), 'swagger')).toBeUndefined();
    expect(operationRefAt(doc, at('"ListTasks"', 2), 'swagger')).toBeUndefined();
    const target = operationTarget(doc, 'ListProjects');
    expect(target?.range.start.line).toBe(lineOf('"operationId": "ListProjects"') - 1);
    expect(operationTarget(doc, 'Nope')).toBeUndefined();
    expect(operationSummary(doc, 'ListProjects')).toMatch(
      /^\*\*ListProjects\*\* · `GET \/projects`\n\nList projects/,
    );
  });

  it("reads apiProperties.json's operation lists as references", () => {
    const props = TextDocument.create(
      'file:///t/apiProperties.json',
      'json',
      1,
      '{ "properties": { "scriptOperations": ["ListTasks"], "policyTemplateInstances": [ { "parameters": { "x-ms-apimTemplate-operationName": ["GetTask"] } } ], "capabilities": ["actions"] } }',
    );
    const t = props.getText();
    expect(operationRefAt(props, t.indexOf('ListTasks'), 'apiProperties')?.id).toBe('ListTasks');
    expect(operationRefAt(props, t.indexOf('GetTask'), 'apiProperties')?.id).toBe('GetTask');
    expect(operationRefAt(props, t.indexOf('actions'), 'apiProperties')).toBeUndefined();
  });
});
