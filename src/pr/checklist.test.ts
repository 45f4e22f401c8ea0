import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { checkItems } from './checklist.ts';

const connector = memoryConnector({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} });

function finding(ruleId: string, severity: Diagnostic['severity']): Diagnostic {
  return {
    ruleId,
    microsoftId: undefined,
    category: 'document',
    severity,
    message: `${ruleId} says so`,
    fix: undefined,
    fileKind: 'swagger',
    file: '/home/me/t/apiDefinition.swagger.json',
    pointer: '',
    line: 1,
    column: 1,
    length: 1,
    edit: undefined,
  } as Diagnostic;
}

const stateOf = (kind: 'certified' | 'independent-publisher', diagnostics: Diagnostic[], id: string) =>
  checkItems(connector, kind, diagnostics).find((c) => c.item.id === id)?.state;

describe('checkItems', () => {
  it.each([
    // rule, severity, item, state
    ['operation-summary-required', 'error', 'descriptions', 'failed'],
    ['parameter-description-sentence', 'warning', 'descriptions', 'done'],
    ['response-schema-required', 'error', 'response-schemas', 'failed'],
    ['committed-secret', 'error', 'no-secrets', 'failed'],
    ['brand-color-forbidden', 'error', 'brand', 'failed'],
    ['icon-size', 'error', 'brand', 'failed'],
    ['json-syntax', 'error', 'validation', 'failed'],
    ['json-syntax', 'error', 'descriptions', 'done'],
  ] as const)('%s (%s) leaves %s %s', (rule, severity, item, state) => {
    expect(stateOf('certified', [finding(rule, severity)], item)).toBe(state);
  });

  it('ticks every item the rules decide when nothing is found, and leaves the others to confirm', () => {
    const items = checkItems(connector, 'certified', []);
    expect(items.filter((c) => c.state === 'to-confirm').map((c) => c.item.id)).toEqual([
      'not-on-platform',
      'operations-tested',
      'operations-answer',
    ]);
    expect(items.every((c) => c.state !== 'failed')).toBe(true);
  });

  it('gives each submission its own items', () => {
    const certified = checkItems(connector, 'certified', []).map((c) => c.item.id);
    const independent = checkItems(connector, 'independent-publisher', []).map((c) => c.item.id);
    expect(certified).toContain('brand');
    expect(certified).not.toContain('independent-publisher-screenshots');
    expect(independent).toContain('independent-publisher-brand');
    expect(independent).toContain('independent-publisher-screenshots');
    expect(independent).not.toContain('brand');
  });
});
