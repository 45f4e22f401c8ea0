/** A word or product name the certification review does not accept in a connector's title or description. */
export interface RestrictedWord {
  /** How the word is named in messages. */
  readonly word: string;
  readonly pattern: RegExp;
}

/**
 * Case-insensitive, on word boundaries. The words of a product name may be run together
 * (`PowerApps`); `optionalS` also matches the singular or plural (`API`/`APIs`, `Logic App`/`Logic Apps`).
 */
function restricted(word: string, optionalS = false): RestrictedWord {
  const stem = optionalS && word.endsWith('s') ? word.slice(0, -1) : word;
  const body = stem.split(' ').join('\\s*');
  return { word, pattern: new RegExp(`\\b${body}${optionalS ? 's?' : ''}\\b`, 'i') };
}

/** Microsoft's validator rejects these in descriptions (the list observed in its messages). */
export const DESCRIPTION_RESTRICTED: readonly RestrictedWord[] = [
  restricted('Power Apps', true),
  restricted('Power Automate'),
  restricted('Logic Apps', true),
];

/** Microsoft's validator rejects `API` and `Connector` in titles; the certification docs add product names. */
export const TITLE_RESTRICTED: readonly RestrictedWord[] = [
  restricted('API', true),
  restricted('Connector', true),
  ...DESCRIPTION_RESTRICTED,
  restricted('Power BI'),
  restricted('Power Pages'),
  restricted('Power Platform'),
  restricted('Copilot Studio'),
  restricted('Dataverse'),
];

/**
 * The restricted words found in a text, in list order.
 * @example restrictedWordsIn('Contoso APIs', TITLE_RESTRICTED) // ['API']
 */
export function restrictedWordsIn(text: string, words: readonly RestrictedWord[]): string[] {
  return words.filter((w) => w.pattern.test(text)).map((w) => w.word);
}
