import type { Connector } from '../../connector/model.ts';
import type { Connection } from '../types.ts';
import { connectionParametersOf, describeConnectionParameter, isSettingParameter } from './parameters.ts';
import { staticTokenProvider } from './token-provider.ts';

/**
 * A connection whose every parameter the caller left out holds a value each check accepts — the first
 * allowed value, the default, a URL for URL-like names, or a typed placeholder — and a placeholder
 * OAuth token when none is given: what a mock of the API takes (`flowport smoke --mock`).
 *
 * @example
 * placeholderConnection(connector, { values: { region: 'eu' } }).values; // { region: 'eu', api_key: 'placeholder-7' }
 */
export function placeholderConnection(connector: Connector, given: Connection = { values: {} }): Connection {
  const values: Record<string, string> = { ...given.values };
  for (const p of connectionParametersOf(connector, given.parameterSet)) {
    if (isSettingParameter(p) || values[p.name] !== undefined) continue;
    const info = describeConnectionParameter(p);
    values[p.name] =
      info.allowedValues[0]?.value ??
      info.defaultValue ??
      (/url|uri/i.test(p.name) ? 'https://example.com/placeholder' : undefined) ??
      (info.type === 'int' ? '1' : info.type === 'bool' ? 'true' : `placeholder-${p.name.length}`);
  }
  return { ...given, values, tokenProvider: given.tokenProvider ?? staticTokenProvider('placeholder-token') };
}
