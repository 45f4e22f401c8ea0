/** What Swagger 2.0 allows and requires in each kind of security definition. */

export const SECURITY_TYPES: readonly string[] = ['basic', 'apiKey', 'oauth2'];
export const API_KEY_LOCATIONS: readonly string[] = ['header', 'query'];
export const OAUTH2_FLOWS: readonly string[] = ['implicit', 'password', 'application', 'accessCode'];

/** Properties each security definition type may have, besides `x-` extensions. */
export const SECURITY_SCHEME_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  basic: ['type', 'description'],
  apiKey: ['type', 'description', 'name', 'in'],
  oauth2: ['type', 'description', 'flow', 'authorizationUrl', 'tokenUrl', 'scopes'],
};

/** OAuth 2.0 URLs each flow uses: the others are not valid for it. */
export const OAUTH2_FLOW_URLS: Readonly<Record<string, readonly string[]>> = {
  implicit: ['authorizationUrl'],
  password: ['tokenUrl'],
  application: ['tokenUrl'],
  accessCode: ['authorizationUrl', 'tokenUrl'],
};

/** `record[key]` for own keys only (`key` comes from user documents). */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
