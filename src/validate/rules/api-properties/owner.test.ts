import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import publisher from './publisher-required.ts';
import stackOwner from './stack-owner-required.ts';

const files = (properties: Record<string, unknown>) => ({
  swagger: swagger(),
  apiProperties: { properties: { iconBrandColor: '#123456', ...properties } },
});

describe('publisher-required', () => {
  it.each([
    ['missing', {}, '`apiProperties.json` has no `publisher`.'],
    ['empty', { publisher: ' ' }, '`publisher` is empty.'],
    ['not a string', { publisher: ['A'] }, '`publisher` is an array; it must be a string.'],
    [
      'the template text',
      { publisher: 'Name of company or organization.' },
      '`publisher` still holds the template text `Name of company or organization.`.',
    ],
  ])('reports a publisher that is %s', (_name, properties, message) => {
    expect(messages(publisher, files(properties))).toEqual([message]);
  });
  it('points at the wrong-case key', () => {
    expect(pointers(publisher, files({ Publisher: 'Contoso' }))).toEqual(['/properties/Publisher']);
  });
  it('accepts a name', () => {
    expect(runRule(publisher, files({ publisher: 'Contoso Ltd' }))).toEqual([]);
  });
});

describe('stack-owner-required', () => {
  it('reports the lower-case `stackowner` key', () => {
    expect(messages(stackOwner, files({ stackowner: 'Contoso' }))).toEqual([
      '`apiProperties.json` spells `stackOwner` as `stackowner`; the key is case-sensitive.',
    ]);
  });
  it.each([
    ['missing', {}, '`apiProperties.json` has no `stackOwner`.'],
    [
      'the template text',
      { stackOwner: 'Name of the owner of the service or product.' },
      '`stackOwner` still holds the template text `Name of the owner of the service or product.`.',
    ],
  ])('reports a stack owner that is %s', (_name, properties, message) => {
    expect(messages(stackOwner, files(properties))).toEqual([message]);
  });
  it('accepts a name', () => {
    expect(runRule(stackOwner, files({ stackOwner: 'Contoso' }))).toEqual([]);
  });
});
