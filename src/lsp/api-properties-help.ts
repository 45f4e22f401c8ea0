// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LSP snippets write their placeholders as `${1:…}`.
/**
 * Completion in apiProperties.json: the keys of `properties`, of a connection parameter, its
 * `uiDefinition` and `constraints` and its `oAuthSettings`, and the values rules accept (parameter
 * types, identity providers, capabilities). The words are the validator's
 * (helpers/api-properties-vocabulary.ts), so what the editor offers, validation accepts.
 */
import { getLocation, type JSONPath } from 'jsonc-parser';
import type { CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CAPABILITIES,
  CONNECTION_PARAMETER_TYPES,
  IDENTITY_PROVIDERS,
  PROPERTIES_KEYS,
} from '../validate/helpers/api-properties-vocabulary.ts';
import { keyItems, valueItems } from './completion-item.ts';
import { keysAt, typedRange } from './document-tree.ts';

/** What each key of `properties` holds, and the value inserted with it. */
const PROPERTIES_HELP: Readonly<Record<string, readonly [doc: string, value: string]>> = {
  iconBrandColor: ['The icon background colour, `#rrggbb` (independent publishers: `#da3b01`).', '"#$1"'],
  publisher: ['The company or person that publishes the connector.', '"$1"'],
  stackOwner: ['The company that owns the API behind the connector.', '"$1"'],
  capabilities: [
    'What the connector offers: `actions`, `triggers` (and `gateway`, `cloud`…).',
    '["actions"]',
  ],
  connectionParameters: ['What a user enters to create a connection: API key, credentials, OAuth.', '{$1}'],
  connectionParameterSets: [
    'Several ways to connect (multi-auth); instead of `connectionParameters`.',
    '{$1}',
  ],
  policyTemplateInstances: ['Policy templates that change requests and responses.', '[$1]'],
  scriptOperations: ['The operations custom code (`script.csx`) handles.', '["$1"]'],
  script: ['Older form of custom code: `{ "language", "operationIds" }`.', '{$1}'],
};

const PARAMETER_KEYS: readonly (readonly [string, string, string])[] = [
  ['type', '"type": "$1"', 'string, securestring, int, bool, oauthSetting or gatewaySetting.'],
  [
    'uiDefinition',
    '"uiDefinition": {\n  "displayName": "$1",\n  "description": "$2"\n}',
    'How the parameter is shown.',
  ],
  [
    'oAuthSettings',
    '"oAuthSettings": {\n  "identityProvider": "$1",\n  "clientId": "$2",\n  "scopes": []\n}',
    'For type `oauthSetting`.',
  ],
  ['allowedValues', '"allowedValues": [$1]', 'The values a user may pick.'],
  ['defaultValue', '"defaultValue": "$1"', 'The value filled in.'],
];
const UI_KEYS: readonly (readonly [string, string, string])[] = [
  ['displayName', '"displayName": "$1"', 'The label.'],
  ['description', '"description": "$1"', 'The help under the field.'],
  ['tooltip', '"tooltip": "$1"', 'The tooltip.'],
  [
    'constraints',
    '"constraints": {\n  "required": "${1|true,false|}"\n}',
    'Required, hidden, clear text, tab order, allowed values.',
  ],
];
const CONSTRAINT_KEYS: readonly (readonly [string, string, string])[] = [
  ['required', '"required": "${1|true,false|}"', 'A string, "true" or "false".'],
  ['hidden', '"hidden": "${1|true,false|}"', 'A string, "true" or "false".'],
  ['clearText', '"clearText": ${1|true,false|}', 'A boolean: show what is typed.'],
  ['tabIndex', '"tabIndex": $1', 'The order of the fields.'],
  ['allowedValues', '"allowedValues": [{ "text": "$1", "value": "$2" }]', 'A drop-down.'],
];
const OAUTH_KEYS: readonly (readonly [string, string, string])[] = [
  ['identityProvider', '"identityProvider": "$1"', IDENTITY_PROVIDERS.join(', ')],
  ['clientId', '"clientId": "$1"', 'The OAuth client id.'],
  ['scopes', '"scopes": [$1]', 'The scopes asked for.'],
  [
    'redirectMode',
    '"redirectMode": "${1|GlobalPerConnector,Global|}"',
    'Which redirect URL the app registers.',
  ],
  ['redirectUrl', '"redirectUrl": "$1"', 'The redirect URL.'],
  ['properties', '"properties": {$1}', 'Provider settings (IsFirstParty, AzureActiveDirectoryResourceId…).'],
  [
    'customParameters',
    '"customParameters": {$1}',
    'authorizationUrl, tokenUrl, refreshUrl… for oauth2generic.',
  ],
];

/**
 * Where a connection parameter's object is: `properties.connectionParameters.<name>`, or a set's
 * `properties.connectionParameterSets.values[i].parameters.<name>`; the length of that path, or 0.
 */
function parameterDepth(path: JSONPath): number {
  if (path[0] !== 'properties') return 0;
  if (path[1] === 'connectionParameters' && path.length >= 3) return 3;
  if (
    path[1] === 'connectionParameterSets' &&
    path[2] === 'values' &&
    path[4] === 'parameters' &&
    path.length >= 6
  )
    return 6;
  return 0;
}

/** Keys and values of apiProperties.json where they are typed. */
export function apiPropertiesCompletions(document: TextDocument, offset: number): CompletionItem[] {
  const location = getLocation(document.getText(), offset);
  const range = typedRange(document, offset, location.previousNode);
  const path = location.path;
  const at = location.isAtPropertyKey ? path.slice(0, -1) : path;
  const present = keysAt(document, at);
  const keys = (list: readonly (readonly [string, string, string])[]) => keyItems(range, list, present);
  const values = (list: readonly string[]) => valueItems(range, list);
  const depth = parameterDepth(at);
  if (location.isAtPropertyKey) {
    if (at.length === 1 && at[0] === 'properties')
      return keys(
        PROPERTIES_KEYS.map(
          (k) => [k, `"${k}": ${PROPERTIES_HELP[k]?.[1] ?? '$1'}`, PROPERTIES_HELP[k]?.[0] ?? ''] as const,
        ),
      );
    if (depth > 0 && at.length === depth) return keys(PARAMETER_KEYS);
    if (depth > 0 && at.length === depth + 1 && at[depth] === 'uiDefinition') return keys(UI_KEYS);
    if (depth > 0 && at.length === depth + 2 && at[depth + 1] === 'constraints') return keys(CONSTRAINT_KEYS);
    if (depth > 0 && at.length === depth + 1 && at[depth] === 'oAuthSettings') return keys(OAUTH_KEYS);
    return [];
  }
  const last = path.at(-1);
  if (depth > 0 && path.length === depth + 1 && last === 'type') return values(CONNECTION_PARAMETER_TYPES);
  if (last === 'identityProvider' && path.at(-2) === 'oAuthSettings') return values(IDENTITY_PROVIDERS);
  if (path.length === 3 && path[0] === 'properties' && path[1] === 'capabilities')
    return values(CAPABILITIES);
  return [];
}
