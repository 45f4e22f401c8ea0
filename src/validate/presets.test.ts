import { describe, expect, it } from 'vitest';
import { activeRules, onlyRules, presetFor } from './presets.ts';
import { findRule, RULES } from './registry.ts';

const severityOf = (rules: ReturnType<typeof activeRules>, id: string) =>
  rules.find((a) => a.rule.id === id)?.severity;

describe('presets', () => {
  it('follow the folder a connector is in', () => {
    expect(presetFor('certified')).toBe('certification');
    expect(presetFor('independent-publisher')).toBe('independent-publisher');
    expect(presetFor('custom')).toBe('recommended');
  });

  it("give each rule of a preset the preset's severity", () => {
    const certification = activeRules('certification');
    expect(certification.length).toBe(RULES.filter((r) => r.presets.includes('certification')).length);
    // readme-sections is an error by default, a warning in certification, and not in recommended.
    expect(severityOf(certification, 'readme-sections')).toBe('warning');
    expect(severityOf(activeRules('recommended'), 'readme-sections')).toBeUndefined();
  });

  it('take overrides by flowport or Microsoft id: a severity, off, or on', () => {
    const rules = activeRules('recommended', {
      PathParameterMissingEncoding: 'error',
      'consumes-missing': 'off',
      'readme-sections': 'on',
    });
    expect(severityOf(rules, 'path-parameter-missing-encoding')).toBe('error');
    expect(severityOf(rules, 'consumes-missing')).toBeUndefined();
    // `on` outside the preset: the rule's own severity; inside it: the preset's.
    expect(severityOf(rules, 'readme-sections')).toBe('error');
    expect(severityOf(activeRules('certification', { 'readme-sections': 'on' }), 'readme-sections')).toBe(
      'warning',
    );
  });

  it('leave only the asked-for rules on with onlyRules, keeping their configured severity', () => {
    const overrides = onlyRules(['consumes-missing', 'PathParameterMissingEncoding'], {
      'path-parameter-missing-encoding': 'info',
    });
    const rules = activeRules('recommended', overrides);
    expect(rules.map((a) => a.rule.id).sort()).toEqual([
      'consumes-missing',
      'path-parameter-missing-encoding',
    ]);
    expect(severityOf(rules, 'path-parameter-missing-encoding')).toBe('info');
    expect(severityOf(rules, 'consumes-missing')).toBe(findRule('consumes-missing')?.severity);
    // A rule turned off in the config is still on when asked for by name.
    expect(
      activeRules('recommended', onlyRules(['consumes-missing'], { ConsumesMissing: 'off' })).length,
    ).toBe(1);
  });
});
