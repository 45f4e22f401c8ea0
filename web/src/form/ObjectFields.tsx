import type { JsonObject } from '../api/types.ts';
import type { FieldProps } from './context.tsx';
import { Field } from './Field.tsx';
import { isObject, labelOf, visibilityOf } from './values.ts';

/** Properties of an object as fields; internal ones hidden, advanced ones folded. */
export function ObjectFields({ name, path, schema, label, target, description }: FieldProps) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const entries = Object.entries(properties).filter(
    ([, s]) => isObject(s) && visibilityOf(s) !== 'internal' && s['x-ms-notification-url'] !== true,
  ) as [string, JsonObject][];
  const main = entries.filter(([, s]) => visibilityOf(s) !== 'advanced');
  const advanced = entries.filter(([, s]) => visibilityOf(s) === 'advanced');
  const field = ([key, s]: [string, JsonObject]) => (
    <Field
      key={key}
      name={key}
      path={[...path, key]}
      schema={s}
      required={required.has(key)}
      target={`${target}/${key}`}
    />
  );
  return (
    <fieldset className="object">
      <legend>{label ?? labelOf(schema, name)}</legend>
      {description && <p className="hint">{description}</p>}
      {main.map(field)}
      {advanced.length > 0 && (
        <details>
          <summary>Advanced ({advanced.length})</summary>
          {advanced.map(field)}
        </details>
      )}
    </fieldset>
  );
}
