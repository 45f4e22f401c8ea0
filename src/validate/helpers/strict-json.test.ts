import { describe, expect, it } from 'vitest';
import { JsonDocument } from '../../connector/json-document.ts';
import { fixText } from '../fix.ts';
import { sampleDiagnostic } from '../testing.ts';
import { strictEdit } from './strict-json.ts';

/** The text with the strict-JSON edits of all its slips made, as `--fix` makes them (in passes). */
function strict(text: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const doc = new JsonDocument('f.json', current);
    const edits = doc.issues.flatMap((issue) => {
      const edit = strictEdit(issue, current);
      return edit ? [sampleDiagnostic({ edit })] : [];
    });
    if (edits.length === 0) return current;
    current = fixText(current, edits).after;
  }
  return current;
}

describe('strictEdit', () => {
  it('removes a byte order mark, trailing commas and comments, keeping the layout', () => {
    const text =
      '\uFEFF{\n  // the title\n  "a": [1, 2,],\n  "b": { "c": true, }, /* end */\n  "d": 1, // last\n}\n';
    const after = strict(text);
    expect(after).toBe('{\n  "a": [1, 2],\n  "b": { "c": true },\n  "d": 1\n}\n');
    expect(JSON.parse(after)).toEqual({ a: [1, 2], b: { c: true }, d: 1 });
  });

  it('writes raw control characters in strings as escapes', () => {
    const text = '{"a": "tab\there\u0001"}';
    const after = strict(text);
    expect(after).toBe('{"a": "tab\\there\\u0001"}');
    expect(JSON.parse(after)).toEqual({ a: 'tab\there\u0001' });
  });

  it('offers nothing it is not sure of: a comment between a comma and its bracket waits for its own removal', () => {
    const text = '{"a": [1, /* x */ ]}';
    const doc = new JsonDocument('f.json', text);
    const comma = doc.issues.find((i) => i.kind === 'trailing-comma');
    expect(comma && strictEdit(comma, text)).toBeUndefined();
    expect(JSON.parse(strict(text))).toEqual({ a: [1] });
  });
});
