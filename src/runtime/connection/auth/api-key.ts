import { own, ownString } from '../../../connector/json.ts';
import type { ConnectionParameter, Operation } from '../../../connector/model.ts';
import { FlowportError } from '../../../errors.ts';
import type { RuntimeRequest } from '../../types.ts';
import { isSettingParameter, parameterType } from '../parameters.ts';
import {
  type AuthContext,
  type AuthScheme,
  connectionValue,
  definitionsOfType,
  parameterNamed,
} from './scheme.ts';

/** One place an API key goes, with the value already read from the connection. */
interface Placement {
  readonly definition: string;
  readonly in: 'header' | 'query';
  readonly name: string;
  readonly value: string;
}

/** `API Key`, `api-key` and `apiKey` name the same thing: compare letters and digits only. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The parameter holding the key of one definition (decision in docs/runtime/connections.md):
 * the parameter named like the definition key, else `api_key`, else the only `securestring` one.
 */
export function keyParameter(ctx: AuthContext, definition: string): ConnectionParameter | undefined {
  const candidates = ctx.parameters.filter((p) => !isSettingParameter(p));
  return (
    candidates.find((p) => p.name === definition) ??
    candidates.find((p) => squash(p.name) === squash(definition)) ??
    parameterNamed(ctx, 'api_key') ??
    single(candidates.filter((p) => parameterType(p) === 'securestring'))
  );
}

function single<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** Header values may not hold line breaks or characters a `Headers` object rejects. */
function validHeaderValue(value: string): boolean {
  return !/[\r\n\0]/.test(value) && [...value].every((c) => c.codePointAt(0)! <= 0xff);
}

function placementsOf(ctx: AuthContext, warnings: string[]): Placement[] {
  const placements: Placement[] = [];
  for (const definition of definitionsOfType(ctx.connector, 'apiKey')) {
    const location = ownString(definition.raw, 'in')?.toLowerCase();
    const name = ownString(definition.raw, 'name');
    if ((location !== 'header' && location !== 'query') || !name) {
      warnings.push(
        `Security definition \`${definition.name}\` needs \`in\` (\`header\` or \`query\`) and \`name\`; no API key is sent for it.`,
      );
      continue;
    }
    const parameter = keyParameter(ctx, definition.name);
    if (!parameter) {
      warnings.push(
        `Security definition \`${definition.name}\` has no connection parameter to take the key from; add \`api_key\` or a \`setheader\` policy.`,
      );
      continue;
    }
    const value = connectionValue(ctx, parameter);
    if (value === undefined) continue;
    if (location === 'header' && !validHeaderValue(value))
      throw new FlowportError(
        'CONNECTION_INVALID',
        `Connection parameter \`${parameter.name}\` cannot be sent in header \`${name}\`: it holds a line break or a character outside Latin-1; correct the value.`,
      );
    placements.push({ definition: definition.name, in: location, name, value });
  }
  return placements;
}

/** The definition names an operation's own non-empty `security` asks for, or undefined for all. */
function requestedDefinitions(
  operation: Operation,
  placements: readonly Placement[],
): Set<string> | undefined {
  const security = own(operation.raw, 'security');
  if (!Array.isArray(security)) return undefined;
  const names = new Set(security.flatMap((requirement) => Object.keys(requirement ?? {})));
  return placements.some((p) => names.has(p.definition)) ? names : undefined;
}

function setQuery(request: RuntimeRequest, name: string, value: string): void {
  if (request.absoluteUrl === undefined) {
    request.query.set(name, value);
    return;
  }
  const url = new URL(request.absoluteUrl);
  url.searchParams.set(name, value);
  request.absoluteUrl = url.href;
}

/**
 * Swagger `apiKey` definitions: the key goes in each declared header or query parameter (a header
 * may be `Authorization`). Applies to connectors with such definitions, or to a multi-auth set that
 * holds `api_key` when the swagger has one.
 */
export const apiKey: AuthScheme = {
  kind: 'api-key',
  matches(ctx) {
    if (definitionsOfType(ctx.connector, 'apiKey').length === 0) return false;
    return ctx.set === undefined || parameterNamed(ctx, 'api_key') !== undefined;
  },
  create(ctx) {
    const warnings: string[] = [];
    const placements = placementsOf(ctx, warnings);
    return {
      warnings,
      apply: function applyApiKey(request, operation) {
        const requested = requestedDefinitions(operation, placements);
        for (const p of placements) {
          if (requested && !requested.has(p.definition)) continue;
          if (p.in === 'header') request.headers.set(p.name, p.value);
          else setQuery(request, p.name, p.value);
        }
        return undefined;
      },
    };
  },
};
