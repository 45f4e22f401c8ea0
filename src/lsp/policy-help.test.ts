import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { POLICY_TEMPLATES } from '../runtime/policies/registry.ts';
import { policyCompletions, policyHoverAt, templateHelp } from './policy-help.ts';

function at(text: string) {
  const offset = text.indexOf('|');
  return {
    doc: TextDocument.create('file:///c/apiProperties.json', 'json', 1, text.replace('|', '')),
    offset,
  };
}

describe('policy template help', () => {
  it('offers every template id where a templateId is typed, and nowhere else', () => {
    const { doc, offset } = at(
      '{ "properties": { "policyTemplateInstances": [ { "templateId": "se|" } ] } }',
    );
    const items = policyCompletions(doc, offset);
    expect(items.map((i) => i.label)).toEqual(POLICY_TEMPLATES.map((t) => t.id));
    expect(items.find((i) => i.label === 'setheader')?.detail).toBe('Set HTTP header');
    expect(items.find((i) => i.label === 'stringreplace')?.detail).toMatch(/\(undocumented\)$/);
    const other = at('{ "properties": { "policyTemplateInstances": [ { "title": "|" } ] } }');
    expect(policyCompletions(other.doc, other.offset)).toEqual([]);
  });

  it("shows a template's own section of docs/runtime/policies.md", () => {
    for (const t of POLICY_TEMPLATES) expect(templateHelp(t)).toMatch(new RegExp(`^### \`${t.id}\``));
    const help = templateHelp(POLICY_TEMPLATES.find((t) => t.id === 'setheader') ?? POLICY_TEMPLATES[0]!);
    expect(help).toMatch(/Parameters: `name` \(required\)/);
    // Only its own section: not the next template's.
    expect(help).not.toMatch(/setqueryparameter/);
  });

  it('explains the template named under the cursor, whatever its case', () => {
    const { doc, offset } = at(
      '{ "properties": { "policyTemplateInstances": [ { "templateId": "SetHe|ader" } ] } }',
    );
    const hover = policyHoverAt(doc, offset);
    expect(
      hover && 'value' in (hover.contents as object) && (hover.contents as { value: string }).value,
    ).toMatch(/^### `setheader` — Set HTTP header/);
    const unknown = at('{ "properties": { "policyTemplateInstances": [ { "templateId": "nope|" } ] } }');
    expect(policyHoverAt(unknown.doc, unknown.offset)).toBeUndefined();
  });
});
