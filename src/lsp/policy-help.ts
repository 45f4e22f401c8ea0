/**
 * Help with policy templates in `apiProperties.json`: the template ids where a `templateId` is
 * typed, and on hover what the template does, its parameters and sections, from flowport's own
 * page of them (docs/runtime/policies.md in the installed package).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtOffset, getLocation, getNodePath } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind, type Hover, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { packageRoot } from '../package-root.ts';
import { findTemplate, POLICY_TEMPLATES } from '../runtime/policies/registry.ts';
import type { PolicyTemplate } from '../runtime/types.ts';
import { completionItem, markdown } from './completion-item.ts';
import { documentTree, nodeRange, typedRange } from './document-tree.ts';

let sections: Map<string, string> | undefined;

/** Each template's section of docs/runtime/policies.md, by id (empty when the page is missing). */
function templateSections(): Map<string, string> {
  if (sections) return sections;
  sections = new Map();
  let page = '';
  try {
    page = readFileSync(join(packageRoot(), 'docs', 'runtime', 'policies.md'), 'utf8');
  } catch {
    // Without the page, the titles alone.
  }
  for (const part of page.split(/^### /m).slice(1)) {
    const id = /^`([a-z]+)`/.exec(part)?.[1];
    if (id) sections.set(id, `### ${part.split(/^## /m)[0]?.trim()}`);
  }
  return sections;
}

/** What the editor shows of a template. */
export function templateHelp(template: PolicyTemplate): string {
  return (
    templateSections().get(template.id) ??
    `**${template.id}** — ${template.title}${template.documented ? '' : ' (undocumented)'}`
  );
}

/** Whether `path` is the `templateId` of a policy template instance. */
const isTemplateId = (path: readonly (string | number)[]) =>
  path.length === 4 &&
  path[0] === 'properties' &&
  path[1] === 'policyTemplateInstances' &&
  typeof path[2] === 'number' &&
  path[3] === 'templateId';

/** The template ids, where the value of a `templateId` is typed. */
export function policyCompletions(document: TextDocument, offset: number): CompletionItem[] {
  const location = getLocation(document.getText(), offset);
  if (location.isAtPropertyKey || !isTemplateId(location.path)) return [];
  const range = typedRange(document, offset, location.previousNode);
  return POLICY_TEMPLATES.map((t) =>
    completionItem(range, t.id, CompletionItemKind.Value, JSON.stringify(t.id), {
      detail: `${t.title}${t.documented ? '' : ' (undocumented)'}`,
      documentation: markdown(templateHelp(t)),
    }),
  );
}

/** What the template named under the cursor does. */
export function policyHoverAt(document: TextDocument, offset: number): Hover | undefined {
  const root = documentTree(document);
  const node = root && findNodeAtOffset(root, offset);
  if (node?.type !== 'string' || !isTemplateId(getNodePath(node))) return undefined;
  const template = findTemplate(String(node.value));
  if (!template) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: templateHelp(template) },
    range: nodeRange(document, node),
  };
}
