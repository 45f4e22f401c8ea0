import { describe, expect, it } from 'vitest';
import { isTemplateOwnerText } from './template-placeholders.ts';

describe('isTemplateOwnerText', () => {
  it('recognises empty values and the template texts', () => {
    expect(isTemplateOwnerText(' ')).toBe(true);
    expect(isTemplateOwnerText('Name of company or organization.')).toBe(true);
    expect(isTemplateOwnerText('Contoso')).toBe(false);
  });
});
