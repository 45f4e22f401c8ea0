import { own, ownString } from '../../../connector/json.ts';
import type { Connector, Operation, PolicyInstance } from '../../../connector/model.ts';
import { join } from '../../../connector/pointer.ts';
import { policyLabel } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

/** `@headers('x')`, `@header('x')`, `@queryParameters('x')` without a default. */
const READ = /@(headers?|queryParameters)\(\s*'([^']*)'\s*(,)?/gi;

/** Headers every request has or the platform adds whatever the swagger declares. */
const SENT_ANYWAY: ReadonlySet<string> = new Set([
  'authorization',
  'content-type',
  'content-length',
  'accept',
  'user-agent',
  'host',
]);

type Place = 'header' | 'query';

/** Where a policy that sets a value puts it: `setheader`, `setqueryparameter`, `setvaluefromurl`'s target. */
function setBy(policy: PolicyInstance): { place: Place; name: string } | undefined {
  const name = ownString(policy.parameters, 'name');
  if (policy.templateId === 'setheader' && name) return { place: 'header', name };
  if (policy.templateId === 'setqueryparameter' && name) return { place: 'query', name };
  if (policy.templateId === 'setvaluefromurl') {
    const target = /^@(headers?|queryParameters)\(\s*'([^']*)'\s*\)$/i.exec(
      ownString(policy.parameters, 'parameterTemplate')?.trim() ?? '',
    );
    if (target?.[2]) return { place: /^query/i.test(target[1] ?? '') ? 'query' : 'header', name: target[2] };
  }
  return undefined;
}

const same = (place: Place, a: string, b: string) =>
  place === 'header' ? a.toLowerCase() === b.toLowerCase() : a === b;

function appliesTo(policy: PolicyInstance, operation: Operation): boolean {
  return (
    policy.operations.length === 0 || (operation.id !== undefined && policy.operations.includes(operation.id))
  );
}

/** Whether the operation's request has the value when `policy` runs. */
function present(
  connector: Connector,
  policy: PolicyInstance,
  operation: Operation,
  place: Place,
  name: string,
): boolean {
  if (operation.parameters.some((p) => p.in === place && same(place, p.name, name))) return true;
  if (place === 'header') {
    if (SENT_ANYWAY.has(name.toLowerCase())) return true;
    // An API key the connection sends in a header of that name.
    for (const d of connector.definition.securityDefinitions)
      if (own(d.raw, 'in') === 'header' && same(place, ownString(d.raw, 'name') ?? '', name)) return true;
  }
  // Set by a policy that runs before it on this operation.
  for (const earlier of connector.properties.policies) {
    if (earlier === policy) break;
    const set = setBy(earlier);
    if (set && set.place === place && same(place, set.name, name) && appliesTo(earlier, operation))
      return true;
  }
  return false;
}

export default defineRule({
  id: 'policy-reads-undeclared-parameter',
  description:
    "A policy's `@headers('x')` or `@queryParameters('x')` must read a value the operations it applies to have.",
  category: 'api-properties',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Declare the parameter on those operations (a shared `$ref` parameter), set it with a policy that runs first, or give the read a default.',
  visit: {
    policy(policy, ctx) {
      const { connector } = ctx;
      if (connector.operations.length === 0) return;
      for (const [key, value] of Object.entries(policy.parameters)) {
        if (typeof value !== 'string' || !value.includes('@')) continue;
        // `setvaluefromurl`'s `parameterTemplate` names where the value goes, not a value read.
        if (policy.templateId === 'setvaluefromurl' && key === 'parameterTemplate') continue;
        for (const match of value.matchAll(READ)) {
          if (match[3] !== undefined) continue;
          const place: Place = /^query/i.test(match[1] ?? '') ? 'query' : 'header';
          const name = match[2] as string;
          const lacking = connector.operations.filter(
            (o) => appliesTo(policy, o) && !present(connector, policy, o, place, name),
          );
          if (lacking.length === 0) continue;
          const shown = lacking.slice(0, 3).map((o) => `\`${o.label}\``);
          const more = lacking.length > 3 ? ` and ${lacking.length - 3} more` : '';
          ctx.report({
            message: `${policyLabel(policy)} reads ${place === 'header' ? 'header' : 'query parameter'} \`${name}\`, which ${shown.join(', ')}${more} ${lacking.length === 1 ? 'does' : 'do'} not send, so it reads an empty value there.`,
            at: {
              file: 'apiProperties',
              pointer: join(policy.pointer, 'parameters', `x-ms-apimTemplateParameter.${key}`),
            },
          });
        }
      }
    },
  },
});
