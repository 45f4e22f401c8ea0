import { describe, expect, it } from 'vitest';
import { messages, runRule, swagger } from '../../testing.ts';
import forbidden from './brand-color-forbidden.ts';
import independentPublisher from './brand-color-independent-publisher.ts';
import nearWhite from './brand-color-near-white.ts';
import required from './brand-color-required.ts';
import shortHex from './brand-color-short-hex.ts';

const withColor = (properties: Record<string, unknown>) => ({
  swagger: swagger(),
  apiProperties: { properties },
});
const color = (iconBrandColor: unknown) => withColor({ iconBrandColor });

describe('brand-color-required', () => {
  it.each([
    ['missing', withColor({}), '`apiProperties.json` has no `iconBrandColor`.'],
    [
      'spelled in the wrong case',
      withColor({ iconbrandcolor: '#123456' }),
      '`apiProperties.json` spells `iconBrandColor` as `iconbrandcolor`; the key is case-sensitive.',
    ],
    ['a number', color(123456), '`iconBrandColor` is an integer; it must be a string such as `#da3b01`.'],
    ['not a colour', color('blue'), '`iconBrandColor` `blue` is not a hex colour of the form `#rrggbb`.'],
    ['empty', color(''), '`iconBrandColor` `` is not a hex colour of the form `#rrggbb`.'],
  ])('reports a colour that is %s', (_name, files, message) => {
    expect(messages(required, files)).toEqual([message]);
  });
  it.each(['#da3b01', '#DA3B01', '#abc'])('accepts `%s`', (value) => {
    expect(runRule(required, color(value))).toEqual([]);
  });
});

describe('brand-color-short-hex', () => {
  it('reports the three-digit form and suggests the long one', () => {
    const [d] = runRule(shortHex, color('#AbC'));
    expect(d?.message).toBe(
      '`iconBrandColor` `#AbC` uses the three-digit form; the platform expects `#rrggbb`.',
    );
    expect(d?.fix).toBe('Write it as `#aabbcc`.');
  });
  it('accepts six digits', () => {
    expect(runRule(shortHex, color('#aabbcc'))).toEqual([]);
  });
});

describe('brand-color-forbidden', () => {
  it.each([
    ['#007EE5', /default custom-connector colour/],
    ['#fff', /is white/],
  ])('reports `%s`', (value, message) => {
    expect(messages(forbidden, color(value))).toEqual([expect.stringMatching(message)]);
  });
  it('accepts a brand colour', () => {
    expect(runRule(forbidden, color('#1f344a'))).toEqual([]);
  });
});

describe('brand-color-near-white', () => {
  it.each(['#fefefe', '#f2f2f2', '#fffff9'])('reports `%s`', (value) => {
    expect(messages(nearWhite, color(value))).toEqual([expect.stringMatching(/almost white/)]);
  });
  it.each(['#ffffff', '#dddddd', '#000000'])('does not report `%s`', (value) => {
    expect(runRule(nearWhite, color(value))).toEqual([]);
  });
});

describe('brand-color-independent-publisher', () => {
  it('reports any other colour', () => {
    expect(messages(independentPublisher, color('#123456'))).toEqual([
      '`iconBrandColor` is `#123456`; independent-publisher connectors must use `#da3b01`.',
    ]);
  });
  it('accepts #da3b01 in any case', () => {
    expect(runRule(independentPublisher, color('#DA3B01'))).toEqual([]);
  });
});
