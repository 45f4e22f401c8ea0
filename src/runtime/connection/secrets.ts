import type { Connector } from '../../connector/model.ts';
import type { Connection } from '../types.ts';
import { basicCredentials } from './auth/basic.ts';
import { definitionsOfType } from './auth/scheme.ts';
import { connectionParametersOf, isSettingParameter, parameterType } from './parameters.ts';

/** Parameter names that hold credentials whatever their declared type. */
const CREDENTIAL_NAMES = new Set(['password', 'api_key', 'apikey', 'token', 'clientsecret', 'secret']);

/** Secrets shorter than this are not masked: masking `a` would blank out every `a` in a dump. */
export const MIN_SECRET_LENGTH = 4;

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The values of a connection that must never be shown: `securestring` values, `password`, `api_key`
 * and other credential-named values, parameters an `apiKey` definition reads, and the basic
 * credentials built from `username` and `password`. Pass them to {@link maskSecrets}.
 */
export function secretValues(connector: Connector, connection: Connection): string[] {
  let parameters: ReturnType<typeof connectionParametersOf>;
  try {
    parameters = connectionParametersOf(connector, connection.parameterSet);
  } catch {
    // An invalid set name must not leave secrets unmasked in the error report: mask every value.
    return Object.values(connection.values).filter((v) => v !== '');
  }
  const keyNames = new Set(definitionsOfType(connector, 'apiKey').map((d) => squash(d.name)));
  const secrets = new Set<string>();
  const values = connection.values;
  const read = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);
  for (const p of parameters) {
    const value = read(p.name);
    if (value === undefined || value === '' || isSettingParameter(p)) continue;
    const name = squash(p.name.slice(p.name.indexOf(':') + 1));
    if (parameterType(p) === 'securestring' || CREDENTIAL_NAMES.has(name) || keyNames.has(name))
      secrets.add(value);
  }
  const user = parameters.find((p) => p.name.toLowerCase() === 'username');
  const pass = parameters.find((p) => p.name.toLowerCase() === 'password');
  if (user && pass) {
    const header = basicCredentials(read(user.name) ?? '', read(pass.name) ?? '');
    secrets.add(header.slice('Basic '.length));
  }
  return [...secrets];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms a secret takes in a request dump: as is, percent-encoded, form-encoded. */
function formsOf(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]);
  return [...forms];
}

/** An `Authorization` header in a dump (`authorization: Basic …`, `"Authorization":"…"`): its value. */
const AUTHORIZATION_VALUE =
  /((?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?)((?:Bearer|Basic|Token)[ \t]+)?[^\s"',;]+/gi;
/** A bearer token anywhere else (a script log line, an error body). */
const BEARER = /\b(Bearer)([ \t]+)[A-Za-z0-9\-._~+/]{8,}=*/g;

/**
 * Replaces every occurrence of each secret (and its URL-encoded forms) with `***`, and the
 * credentials after `Bearer`/`Basic` in any text, so a whole request dump can be shown.
 * @example maskSecrets('Authorization: Bearer abc.def', []) // 'Authorization: Bearer ***'
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const forms = secrets
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .flatMap(formsOf)
    .sort((a, b) => b.length - a.length);
  let out = text
    .replace(
      AUTHORIZATION_VALUE,
      (_, name: string, scheme: string | undefined) => `${name}${scheme ?? ''}***`,
    )
    .replace(BEARER, '$1$2***');
  if (forms.length > 0) out = out.replace(new RegExp(forms.map(escapeRegExp).join('|'), 'g'), '***');
  return out;
}
