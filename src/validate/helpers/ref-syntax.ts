/** `~` must start `~0` or `~1`; `%` must start a two-digit hex escape. */
const BAD_ESCAPE = /~(?![01])|%(?![0-9A-Fa-f]{2})/;

/**
 * Whether a local `$ref` (`#…`) is a well-formed JSON pointer fragment: `#` or `#/…` with valid `~`
 * and `%` escapes. Spaces, brackets and backticks in names are accepted: certified connectors use them.
 * Refs not starting with `#` are not local and return false.
 * @example isPointerFragment('#/definitions/A~2B') // false
 */
export function isPointerFragment(ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  const pointer = ref.slice(1);
  if (pointer !== '' && !pointer.startsWith('/')) return false;
  if (BAD_ESCAPE.test(pointer)) return false;
  if (pointer.includes('%')) {
    try {
      decodeURIComponent(pointer);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Whether a `$ref` points into `section` (`#/definitions/`, `#/responses/`) with a non-empty name.
 * @example refIntoSection('#/definitions/Pet', '#/definitions/') // true
 */
export function refIntoSection(ref: string, section: string): boolean {
  return ref.startsWith(section) && ref.length > section.length;
}
