import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { apiPropertiesCompletions } from './api-properties-help.ts';
import { codeActions } from './code-actions.ts';
import { extensionCompletions, extensionHoverAt } from './extension-help.ts';
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
import { policyCompletions, policyHoverAt } from './policy-help.ts';
import { policyInstanceCompletions } from './policy-instance-help.ts';

/** Text an author may hold mid-edit: JSON pieces, keys the helpers look for, and anything else. */
const piece = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    ' ',
    '\n',
    '\r\n',
    '\uFEFF',
    '//',
    '/*',
    '"$ref"',
    '"#/definitions/A"',
    '"#/"',
    '"#"',
    '"definitions"',
    '"paths"',
    '"/x"',
    '"get"',
    '"parameters"',
    '"properties"',
    '"policyTemplateInstances"',
    '"templateId"',
    '"x-ms-apimTemplate-operationName"',
    '"x-ms-apimTemplate-policySection"',
    '"scriptOperations"',
    '"type"',
    '"format"',
    '"in"',
    '"setheader"',
    '"x-ms-trigger"',
    '"batch"',
    '"x-ms-',
    '"A"',
    '0',
    'true',
    'null',
    '"__proto__"',
    '"constructor"',
  ),
  fc.string({ maxLength: 8 }),
);
const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('the editor helpers on any text', () => {
  it('never throw, whatever the text and the cursor', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const doc = TextDocument.create('file:///c/apiDefinition.swagger.json', 'json', 1, t);
        const offset = t.length === 0 ? 0 : n % (t.length + 1);
        documentSymbols(doc);
        refTarget(doc, offset);
        refUses(doc, offset, true);
        renameRange(doc, offset);
        const renamed = renameEdits(doc, offset, 'B');
        if ('edits' in renamed) TextDocument.applyEdits(doc, renamed.edits);
        extensionCompletions(doc, offset);
        extensionHoverAt(doc, offset);
        policyCompletions(doc, offset);
        policyHoverAt(doc, offset);
        apiPropertiesCompletions(doc, offset);
        policyInstanceCompletions(doc, offset, () => ['A']);
        for (const file of ['swagger', 'apiProperties'] as const) {
          const ref = operationRefAt(doc, offset, file);
          if (ref) {
            operationTarget(doc, ref.id);
            operationSummary(doc, ref.id);
          }
        }
        expect(codeActions(doc, [], [])).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
