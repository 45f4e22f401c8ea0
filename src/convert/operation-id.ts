import { words } from './text.ts';

/** The validator's limit is "shorter than 128 characters". */
const MAX_LENGTH = 127;

/** An operationId of letters and digits in PascalCase (`list-pets` → `ListPets`); keeps clean ids as they are. */
export function normaliseOperationId(id: string): string {
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(id)) return id.slice(0, MAX_LENGTH);
  const joined = words(id)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
    .replace(/[^A-Za-z0-9]/g, '');
  const result = /^[0-9]/.test(joined) ? `Op${joined}` : joined;
  return result.slice(0, MAX_LENGTH);
}

const VERBS: Readonly<Record<string, string>> = {
  get: 'Get',
  put: 'Replace',
  post: 'Create',
  delete: 'Delete',
  patch: 'Update',
  head: 'Check',
  options: 'Options',
};

/** An operationId for an operation that has none: `GET /users/{id}/posts` → `GetUsersPostsById`. */
export function operationIdFor(method: string, path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  const fixed = segments.filter((s) => !s.startsWith('{'));
  const vars = segments.filter((s) => s.startsWith('{')).map((s) => s.slice(1, -1));
  const last = normaliseOperationId(vars[vars.length - 1] ?? '');
  const by = vars.length > 0 ? `By${last.charAt(0).toUpperCase()}${last.slice(1)}` : '';
  const pascal = (text: string) => {
    const id = normaliseOperationId(text);
    return id.charAt(0).toUpperCase() + id.slice(1);
  };
  const name = `${VERBS[method] ?? pascal(method)}${fixed.map(pascal).join('')}${by}`;
  return normaliseOperationId(name || 'Operation');
}

/** Hands out unique operationIds, compared without letter case, suffixing `2`, `3`… on clashes. */
export function createIdRegistry(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; used.has(id.toLowerCase()); n++) {
      const suffix = String(n);
      id = `${wanted.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(id.toLowerCase());
    return id;
  };
}
