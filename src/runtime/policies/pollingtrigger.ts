import type { JsonValue } from '../../connector/json.ts';
import { FlowportError, isFlowportError } from '../../errors.ts';
import type { Template } from '../expression/ast.ts';
import { renderTemplate } from '../expression/evaluate.ts';
import { parseTemplate } from '../expression/parse.ts';
import { getAt, type PropertyPath } from '../expression/path.ts';
import { EMPTY_SCOPE } from '../expression/scope.ts';
import type { CompiledPolicy } from '../types.ts';
import { defineTemplate } from './define.ts';

/** The special `triggerConfig` key naming the root property with the next-page link (§8.3). */
export const NEXT_LINK_KEY = 'x-ms-triggerConfig-nextLink';

interface Config {
  /** Query parameter name → value template, in the order written. */
  readonly state: ReadonlyMap<string, Template>;
  readonly dataPath: PropertyPath;
  readonly nextLinkProperty: string;
  readonly label: string;
}

/** A compiled `pollingtrigger` instance: what the trigger engine reads. */
export interface PollingTriggerPolicy extends CompiledPolicy {
  readonly trigger: Config;
}

export function isPollingTrigger(policy: CompiledPolicy): policy is PollingTriggerPolicy {
  return policy.templateId === 'pollingtrigger' && 'trigger' in policy;
}

function triggerOf(policy: CompiledPolicy): Config {
  if (!isPollingTrigger(policy))
    throw new FlowportError(
      'POLICY_INVALID',
      `Policy \`${policy.instance.title ?? policy.templateId}\` is a \`${policy.templateId}\` policy, not \`pollingtrigger\`; pass the operation's polling trigger policy.`,
    );
  return policy.trigger;
}

/** The trigger items at `triggerDataPath` of a response body; none when the path holds no array. */
export function triggerItems(policy: CompiledPolicy, body: JsonValue | undefined): JsonValue[] {
  const items = getAt(body, triggerOf(policy).dataPath.steps);
  return Array.isArray(items) ? items : [];
}

/**
 * The query parameters to send on the next poll, evaluated against a response body with
 * `@triggerBody()` = that body; `undefined` when the body has no trigger items (no new state, §8.3).
 * A key whose expression fails is left out, so the engine keeps its previous value (DECIDE 12).
 *
 * @example
 * // triggerConfig {"$filter":"lastModifiedDateTime gt @{triggerBody().value[0].lastModifiedDateTime}"}
 * evaluateTriggerState(policy, { value: [{ lastModifiedDateTime: 'T1' }] }); // { $filter: 'lastModifiedDateTime gt T1' }
 */
export function evaluateTriggerState(
  policy: CompiledPolicy,
  responseBody: JsonValue | undefined,
): Record<string, string> | undefined {
  const config = triggerOf(policy);
  if (triggerItems(policy, responseBody).length === 0) return undefined;
  const scope = { ...EMPTY_SCOPE, triggerBody: () => responseBody, body: () => responseBody };
  const state: Record<string, string> = {};
  for (const [name, template] of config.state) {
    try {
      Object.defineProperty(state, name, {
        value: renderTemplate(template, scope),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } catch (error) {
      if (!isFlowportError(error)) throw error;
    }
  }
  return state;
}

/** The root property holding the next-page link inside a poll's response (`@odata.nextLink` by default). */
export function triggerNextLinkProperty(policy: CompiledPolicy): string {
  return triggerOf(policy).nextLinkProperty;
}

/**
 * `pollingtrigger` — lets the runtime emulate the polling protocol for a backend that only offers a
 * filtered list (§8.3). It changes no request or response; the trigger engine uses
 * {@link evaluateTriggerState} and {@link triggerItems}.
 */
export default defineTemplate<Config>({
  id: 'pollingtrigger',
  title: 'Polling trigger',
  documented: true,
  sections: ['trigger'],
  read(p) {
    const config = p.object(
      'triggerConfig',
      'add the query parameters that carry the state, for example `{"since": "@{triggerBody().items[0].created}"}`',
    );
    const dataPath = p.path(
      'triggerDataPath',
      'add the path of the trigger items, for example `@triggerBody().value`',
      {
        required: true,
      },
    );
    if (config === undefined || dataPath === undefined) return undefined;
    const state = new Map<string, Template>();
    let nextLinkProperty = '@odata.nextLink';
    for (const [name, value] of Object.entries(config)) {
      if (typeof value !== 'string') {
        p.report(
          'POLICY_INVALID',
          `${p.label} has a non-text value for \`${name}\` in \`x-ms-apimTemplateParameter.triggerConfig\`; write the value as a string.`,
          p.pointer('x-ms-apimTemplateParameter.triggerConfig'),
        );
        continue;
      }
      if (name.toLowerCase() === NEXT_LINK_KEY.toLowerCase()) nextLinkProperty = value;
      else {
        const template = p.parse(value, `triggerConfig.${name}`, parseTemplate);
        if (template) state.set(name, template);
      }
    }
    return { state, dataPath, nextLinkProperty, label: p.label };
  },
  extend: (trigger) => ({ trigger }),
});
