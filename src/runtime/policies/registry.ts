import type { Connector } from '../../connector/model.ts';
import type { CompiledPolicy, PolicyDiagnostic, PolicyTemplate } from '../types.ts';
import convertarraytoobject from './convertarraytoobject.ts';
import convertobjecttoarray from './convertobjecttoarray.ts';
import dynamichosturl from './dynamichosturl.ts';
import dynamicsubdomain from './dynamicsubdomain.ts';
import encodepropertyvalue from './encodepropertyvalue.ts';
import moveproperties from './moveproperties.ts';
import { policyLabel } from './parameters.ts';
import pollingtrigger from './pollingtrigger.ts';
import routerequesttoendpoint from './routerequesttoendpoint.ts';
import setconnectionstatustounauthenticated from './setconnectionstatustounauthenticated.ts';
import setheader from './setheader.ts';
import setproperty from './setproperty.ts';
import setqueryparameter from './setqueryparameter.ts';
import setvaluefromurl from './setvaluefromurl.ts';
import stringreplace from './stringreplace.ts';
import stringtoarray from './stringtoarray.ts';
import updatenextlink from './updatenextlink.ts';

/** Every policy template the runtime knows, one file each in this folder. */
export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  setheader,
  setqueryparameter,
  dynamichosturl,
  routerequesttoendpoint,
  setproperty,
  setvaluefromurl,
  convertarraytoobject,
  convertobjecttoarray,
  stringtoarray,
  stringreplace,
  setconnectionstatustounauthenticated,
  updatenextlink,
  pollingtrigger,
  encodepropertyvalue,
  moveproperties,
  dynamicsubdomain,
];

const BY_ID = new Map(POLICY_TEMPLATES.map((t) => [t.id, t]));

/** The template with this id, compared without case (`SetProperty`, `setQueryParameter`). */
export function findTemplate(id: string): PolicyTemplate | undefined {
  return BY_ID.get(id.toLowerCase());
}

/**
 * Compiles every `policyTemplateInstances` entry of a connector once, in declared order. Unknown
 * template ids and invalid parameters become diagnostics (the instance is then left out); nothing is
 * skipped silently.
 */
export function compilePolicies(connector: Connector): {
  policies: CompiledPolicy[];
  diagnostics: PolicyDiagnostic[];
} {
  const policies: CompiledPolicy[] = [];
  const diagnostics: PolicyDiagnostic[] = [];
  for (const instance of connector.properties.policies) {
    const template = findTemplate(instance.templateId);
    if (!template) {
      const id = instance.rawTemplateId;
      diagnostics.push({
        code: 'POLICY_UNKNOWN',
        message:
          id === undefined || id === ''
            ? `${policyLabel(instance)} has no \`templateId\`; add one of ${POLICY_TEMPLATES.map((t) => `\`${t.id}\``).join(', ')}.`
            : `${policyLabel(instance)} uses unknown template \`${id}\`; use one of ${POLICY_TEMPLATES.map((t) => `\`${t.id}\``).join(', ')}.`,
        pointer: instance.pointer,
      });
      continue;
    }
    const result = template.compile(instance);
    if (result.policy) policies.push(result.policy);
    diagnostics.push(...result.diagnostics);
  }
  return { policies, diagnostics };
}
