import type { PropertyPath } from '../expression/path.ts';
import type { InstanceParameters } from './parameters.ts';

/** `propertyParentPath`, `propertySubPath` and `newPropertyPath`, shared by the conversion templates. */
export interface PropertyPaths {
  readonly parent: PropertyPath;
  /** No steps when absent, empty or `"null"`: the parent itself. */
  readonly sub: PropertyPath;
  readonly target: PropertyPath;
}

export function readPropertyPaths(p: InstanceParameters): PropertyPaths | undefined {
  const parent = p.path(
    'propertyParentPath',
    'add the path of the object that holds the property, for example `@body()`',
    {
      required: true,
    },
  );
  const sub = p.path('propertySubPath', '') ?? { root: 'relative', steps: [], source: '' };
  const target = p.path('newPropertyPath', 'add where the result goes, for example `@body().items`', {
    required: true,
  });
  if (target !== undefined && target.root === 'relative' && target.steps.length === 0)
    return p.report(
      'POLICY_INVALID',
      `${p.label} has an empty \`x-ms-apimTemplateParameter.newPropertyPath\`; write where the result goes, for example \`@body().items\`.`,
      p.pointer('x-ms-apimTemplateParameter.newPropertyPath'),
    );
  return parent && target && { parent, sub, target };
}
