/** Texts the repository's connector templates put in `publisher` and `stackOwner`, lower-cased. */
export const TEMPLATE_OWNER_TEXTS: ReadonlySet<string> = new Set([
  'full name or name of company or organization.',
  'name of company or organization.',
  'name of company or organization that connector is connecting to.',
  'name of the owner of the service or product.',
  "publisher's name",
]);

/** Whether a `publisher` / `stackOwner` value is empty or still the template's text. */
export function isTemplateOwnerText(value: string): boolean {
  const s = value.trim();
  return s === '' || TEMPLATE_OWNER_TEXTS.has(s.toLowerCase());
}
