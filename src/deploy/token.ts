import { FlowportError } from '../errors.ts';

/**
 * The user's object id (`oid` claim) in a Microsoft Entra access token: two calls of the resource
 * provider take it in their path (certification spec §5.2). The token is only decoded, never
 * verified: the resource provider verifies it.
 */
export function objectIdOf(token: string): string {
  const payload = token.split('.')[1];
  let oid: unknown;
  try {
    oid = (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { oid?: unknown }).oid;
  } catch {
    oid = undefined;
  }
  if (typeof oid !== 'string' || oid === '')
    throw new FlowportError(
      'AUTH_UNSUPPORTED',
      'The access token is not a Microsoft Entra token with an `oid` claim; get one for https://service.powerapps.com/ (e.g. `az account get-access-token --resource https://service.powerapps.com/ --query accessToken -o tsv`).',
    );
  return oid;
}
