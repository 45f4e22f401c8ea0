import { describe, expect, it } from 'vitest';
import { POLICY_TEMPLATES, policyLabel } from './policy-templates.ts';

describe('policy templates', () => {
  it('knows the 16 templates of the runtime spec, lower-cased', () => {
    expect(POLICY_TEMPLATES.size).toBe(16);
    for (const id of POLICY_TEMPLATES.keys()) expect(id).toBe(id.toLowerCase());
    expect(POLICY_TEMPLATES.get('dynamichosturl')).toEqual(['x-ms-apimTemplateParameter.urlTemplate']);
  });
  it('labels instances by title and template', () => {
    expect(policyLabel({ title: 'Set key', rawTemplateId: 'setHeader' })).toBe(
      'Policy `Set key` (`setHeader`)',
    );
    expect(policyLabel({ title: undefined, rawTemplateId: undefined })).toBe('Policy `(no templateId)`');
  });
});
