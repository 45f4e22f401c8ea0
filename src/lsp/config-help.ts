/**
 * `flowport.config.json` in the editor: its mistakes at their place (the messages `flowport validate`
 * gives), the rule ids, severities and presets as completions, and a rule's description on hover.
 */
import {
  findNodeAtOffset,
  getLocation,
  getNodePath,
  getNodeValue,
  type Node,
  type ParseError,
  parse,
} from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  DiagnosticSeverity,
  type Hover,
  type Diagnostic as LspDiagnostic,
  MarkupKind,
  type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isFlowportError } from '../errors.ts';
import { parseConfig } from '../validate/config.ts';
import { CASE_TYPES, CUSTOM_FUNCTIONS } from '../validate/custom-functions.ts';
import { findRule, RULES } from '../validate/registry.ts';
import { PRESETS, type Rule } from '../validate/rule.ts';
import { completionItem, markdown, valueItems } from './completion-item.ts';
import { documentTree, member, members, nodeRange, typedRange } from './document-tree.ts';
import { ruleDocUrl } from './lsp-diagnostic.ts';

export const CONFIG_FILE = 'flowport.config.json';

const LEVELS = [
  { value: 'error', doc: 'Report as an error.' },
  { value: 'warning', doc: 'Report as a warning.' },
  { value: 'info', doc: 'Report as information.' },
  { value: 'off', doc: 'Do not run the rule.' },
  { value: 'on', doc: "Run it at its own severity, even outside the preset's rules." },
];

/** A rule as the editor describes it. */
function ruleHelp(rule: Rule): string {
  const presets = PRESETS.map((p) =>
    rule.presets.includes(p) ? `${p} (${rule.presetSeverity?.[p] ?? rule.severity})` : undefined,
  ).filter(Boolean);
  return [
    `**${rule.id}**${rule.microsoftId ? ` · Microsoft: \`${rule.microsoftId}\`` : ''}`,
    '',
    rule.description,
    '',
    `In ${presets.length > 0 ? presets.join(', ') : 'no preset (turn it on with "on")'}.`,
    ...(rule.fix ? ['', `Fix: ${rule.fix}`] : []),
    '',
    `[The rule's page](${ruleDocUrl(rule.id)})`,
  ].join('\n');
}

/** The config's mistakes: its JSON, then each key or rule entry `parseConfig` refuses, at its place. */
export function configDiagnostics(document: TextDocument): LspDiagnostic[] {
  const errors: ParseError[] = [];
  const value = parse(document.getText(), errors, { allowTrailingComma: false, disallowComments: true });
  const at = (node: Node, message: string): LspDiagnostic => ({
    range: nodeRange(document, node),
    severity: DiagnosticSeverity.Error,
    source: 'flowport',
    code: 'CONFIG_INVALID',
    message,
  });
  if (errors.length > 0) {
    return errors.map((e) => ({
      range: {
        start: document.positionAt(e.offset),
        end: document.positionAt(e.offset + Math.max(1, e.length)),
      },
      severity: DiagnosticSeverity.Error,
      source: 'flowport',
      code: 'CONFIG_INVALID',
      message: 'The config is not valid JSON here; flowport reads it with JSON.parse.',
    }));
  }
  const root = documentTree(document);
  const refused = (candidate: unknown): string | undefined => {
    try {
      parseConfig(candidate, CONFIG_FILE);
      return undefined;
    } catch (error) {
      if (!isFlowportError(error)) throw error;
      return error.message.slice(`${CONFIG_FILE}: `.length);
    }
  };
  if (root?.type !== 'object') {
    const whole = refused(value);
    return whole && root ? [at(root, whole)] : [];
  }
  const out: LspDiagnostic[] = [];
  // The custom rules that are right, so that `rules` may name them.
  const custom: Record<string, unknown> = {};
  for (const [id, spec] of members(member(root, 'customRules'))) {
    const one = { [String(id.value)]: getNodeValue(spec) };
    const message = refused({ customRules: one });
    if (message) out.push(at(id, message));
    else Object.assign(custom, one);
  }
  for (const property of root.children ?? []) {
    const [key, node] = property.children ?? [];
    if (!key || !node || (key.value === 'customRules' && node.type === 'object')) continue;
    if (key.value === 'rules' && node.type === 'object') {
      // Each entry on its own, so that each mistake is named at its place.
      for (const entry of node.children ?? []) {
        const [id, level] = entry.children ?? [];
        if (!id || !level) continue;
        const message = refused({ rules: { [String(id.value)]: level.value }, customRules: custom });
        const known = findRule(String(id.value)) || Object.hasOwn(custom, String(id.value));
        if (message) out.push(at(known ? level : id, message));
      }
      continue;
    }
    const message = refused({ [String(key.value)]: node.value });
    if (message) out.push(at(key.value === 'preset' || key.value === 'rules' ? node : key, message));
  }
  return out;
}

/** Keys, presets, rule ids and severities where they are typed. */
export function configCompletions(document: TextDocument, offset: number): CompletionItem[] {
  const location = getLocation(document.getText(), offset);
  const range = typedRange(document, offset, location.previousNode);
  const item = (label: string, kind: CompletionItemKind, newText: string, documentation?: string) =>
    completionItem(
      range,
      label,
      kind,
      newText,
      documentation ? { documentation: markdown(documentation) } : {},
    );
  const [first, second] = location.path;
  if (location.isAtPropertyKey && location.path.length === 1)
    return [
      item(
        'preset',
        CompletionItemKind.Property,
        '"preset": ',
        'The rule set: `recommended`, `certification` or `independent-publisher`.',
      ),
      item(
        'rules',
        CompletionItemKind.Property,
        '"rules": {}',
        'Rules turned off or given another severity, by flowport id or Microsoft id.',
      ),
      item(
        'customRules',
        CompletionItemKind.Property,
        '"customRules": {}',
        'Your own rules, as Spectral writes them: `given` a JSONPath, `then` a function.',
      ),
    ];
  if (first === 'customRules' && location.path.length >= 3) return customRuleCompletions(location, range);
  if (location.isAtPropertyKey && first === 'rules' && location.path.length === 2)
    return RULES.map((rule) => item(rule.id, CompletionItemKind.Field, `"${rule.id}": `, ruleHelp(rule)));
  if (!location.isAtPropertyKey && first === 'preset' && location.path.length === 1)
    return valueItems(range, PRESETS);
  if (
    !location.isAtPropertyKey &&
    first === 'rules' &&
    typeof second === 'string' &&
    location.path.length === 2
  )
    return LEVELS.map((l) => item(l.value, CompletionItemKind.EnumMember, JSON.stringify(l.value), l.doc));
  return [];
}

/** The parts of a custom rule (see custom-rules.ts), where they are typed. */
const CUSTOM_KEYS: readonly (readonly [string, string, string])[] = [
  ['description', '"description": ""', 'What the rule checks, in one sentence.'],
  ['given', '"given": "$"', 'A JSONPath (or a list of them) to the values to check.'],
  [
    'then',
    '"then": { "function": "" }',
    'The check: `function`, and `field` and `functionOptions` when needed.',
  ],
  ['severity', '"severity": ""', '`error`, `warning` (the default) or `info`.'],
  ['file', '"file": ""', '`swagger` (the default) or `apiProperties`.'],
  [
    'message',
    '"message": ""',
    'The finding; `{{property}}`, `{{value}}`, `{{error}}` and `{{path}}` are filled in.',
  ],
  ['fix', '"fix": ""', 'How to fix a finding.'],
];

function customRuleCompletions(location: ReturnType<typeof getLocation>, range: Range): CompletionItem[] {
  const path = location.path;
  const last = path.at(-1);
  if (location.isAtPropertyKey && path.length === 3)
    return CUSTOM_KEYS.map(([key, text, doc]) =>
      completionItem(range, key, CompletionItemKind.Property, text, { documentation: markdown(doc) }),
    );
  if (location.isAtPropertyKey) return [];
  if (path.length === 3 && last === 'severity') return valueItems(range, ['error', 'warning', 'info']);
  if (path.length === 3 && last === 'file') return valueItems(range, ['swagger', 'apiProperties']);
  if (path[2] === 'then' && last === 'function') return valueItems(range, Object.keys(CUSTOM_FUNCTIONS));
  if (path[2] === 'then' && last === 'type' && path.at(-2) === 'functionOptions')
    return valueItems(range, CASE_TYPES);
  return [];
}

/** What a rule named in `rules` checks. */
export function configHoverAt(document: TextDocument, offset: number): Hover | undefined {
  const root = documentTree(document);
  const node = root && findNodeAtOffset(root, offset);
  const property = node?.parent;
  if (node?.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== node)
    return undefined;
  const path = getNodePath(node);
  if (path.length !== 2 || path[0] !== 'rules') return undefined;
  const rule = findRule(String(node.value));
  return rule
    ? { contents: { kind: MarkupKind.Markdown, value: ruleHelp(rule) }, range: nodeRange(document, node) }
    : undefined;
}
