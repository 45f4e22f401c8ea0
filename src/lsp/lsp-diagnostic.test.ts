import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { findingRange, lspDiagnostic } from './lsp-diagnostic.ts';

const finding = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'consumes-missing',
  microsoftId: 'ConsumesMissing',
  category: 'operation',
  severity: 'warning',
  message: 'An operation with a body parameter has no `consumes`.',
  fix: 'Add `"consumes": ["application/json"]`.',
  fileKind: 'swagger',
  file: '/c/apiDefinition.swagger.json',
  pointer: '/paths',
  line: 2,
  column: 3,
  length: 7,
  ...over,
});

describe('findings as LSP diagnostics', () => {
  const doc = TextDocument.create(
    'file:///c/apiDefinition.swagger.json',
    'json',
    1,
    '{\n  "paths": {\n  }\n}\n',
  );

  it('turn 1-based lines and columns and a length into a 0-based range', () => {
    expect(findingRange(finding({}), doc, false)).toEqual({
      start: { line: 1, character: 2 },
      end: { line: 1, character: 9 },
    });
  });

  it('span lines when the length does', () => {
    expect(findingRange(finding({ line: 2, column: 12, length: 5 }), doc, false)).toEqual({
      start: { line: 1, character: 11 },
      end: { line: 2, character: 3 },
    });
  });

  it('move line 1 one column left when the editor holds the text without its byte order mark', () => {
    const start = (bom: boolean) => findingRange(finding({ line: 1, column: 2, length: 1 }), doc, bom).start;
    expect(start(true)).toEqual({ line: 0, character: 0 });
    expect(start(false)).toEqual({ line: 0, character: 1 });
    // Other lines have no mark before them.
    expect(findingRange(finding({}), doc, true).start).toEqual({ line: 1, character: 2 });
  });

  it('put a finding without a place at the start of the file', () => {
    expect(findingRange(finding({ line: undefined, column: undefined }), doc, false)).toEqual({
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
  });

  it("carry the rule, its page, the fix and Microsoft's name", () => {
    const d = lspDiagnostic(finding({ severity: 'error' }), doc, { bom: false, index: 4 });
    expect(d).toMatchObject({
      code: 'consumes-missing',
      source: 'flowport',
      severity: 1,
      data: { flowport: 4 },
    });
    expect(d.message).toBe(
      'An operation with a body parameter has no `consumes`.\nFix: Add `"consumes": ["application/json"]`.\nMicrosoft\'s rule: ConsumesMissing',
    );
    expect(d.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/consumes-missing\.md$/);
    expect(lspDiagnostic(finding({ severity: 'info' }), doc, { bom: false, index: 0 }).severity).toBe(3);
  });
});
