import type { Connector } from '../../connector/model.ts';

/** Policy templates that replace the swagger's `scheme://host/basePath` at call time. */
const HOST_TEMPLATES: ReadonlySet<string> = new Set(['dynamichosturl', 'dynamicsubdomain']);

const cache = new WeakMap<Connector, boolean>();

/**
 * Whether the swagger `host` is never used to call the backend: every operation's base URL is
 * replaced by a `dynamichosturl` (or `dynamicsubdomain`) policy, or built by custom code. Certified
 * connectors of this kind keep a stand-in host such as `www.example.com`.
 */
export function hostOverridden(connector: Connector): boolean {
  const cached = cache.get(connector);
  if (cached !== undefined) return cached;
  const policies = connector.properties.policies.filter((p) => HOST_TEMPLATES.has(p.templateId));
  const forAll = policies.some((p) => p.operations.length === 0);
  const listed = new Set(policies.flatMap((p) => p.operations.map((id) => id.toLowerCase())));
  const ops = connector.operations;
  const result =
    ops.length > 0 &&
    ops.every((op) => forAll || op.customCode || (op.id !== undefined && listed.has(op.id.toLowerCase())));
  cache.set(connector, result);
  return result;
}
