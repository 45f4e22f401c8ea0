import { describe, expect, it } from 'vitest';
import { DESCRIPTION_RESTRICTED, restrictedWordsIn, TITLE_RESTRICTED } from './restricted-words.ts';

describe('restrictedWordsIn', () => {
  it.each([
    ['Contoso API', ['API']],
    ['Contoso APIs', ['API']],
    ['contoso connector', ['Connector']],
    ['Contoso for PowerApps and Power BI', ['Power Apps', 'Power BI']],
  ])('finds the restricted words of the title %j', (title, words) => {
    expect(restrictedWordsIn(title, TITLE_RESTRICTED)).toEqual(words);
  });
  it('matches whole words only', () => {
    expect(restrictedWordsIn('SignatureAPI Connectivity', TITLE_RESTRICTED)).toEqual([]);
  });
  it('keeps API out of the description list', () => {
    expect(restrictedWordsIn('The Contoso API for a Logic App', DESCRIPTION_RESTRICTED)).toEqual([
      'Logic Apps',
    ]);
  });
});
