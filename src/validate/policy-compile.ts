/**
 * The runtime's reading of policy template instances, for `policy-instance-invalid`: its own module,
 * loaded on first use ({@link ./policy-compile-lazy.ts}), so that the policy templates (60 kB of the
 * runtime) stay out of a fresh `flowport validate` of a connector without policies.
 */
import type { PolicyInstance } from '../connector/model.ts';
import { findTemplate } from '../runtime/policies/registry.ts';
import type { PolicyDiagnostic } from '../runtime/types.ts';

/**
 * What the runtime refuses in an instance when it compiles it, as `flowport run` does: expressions
 * that do not parse, values of another kind, names and sections the template does not take. Not an
 * unknown template or an absent required parameter, which rules of their own report.
 */
export function policyProblems(instance: PolicyInstance): PolicyDiagnostic[] {
  const template = findTemplate(instance.templateId);
  if (!template) return [];
  return template.compile(instance).diagnostics.filter((d) => !d.missing && d.code !== 'POLICY_UNKNOWN');
}
