/** An operation's parameters as form fields, and the arguments a form starts with. */
import type { JsonObject, JsonValue, OperationDetail, ParameterDetail } from '../api/types.ts';
import { Field } from './Field.tsx';
import { setIn } from './values.ts';

/** A parameter as a schema the fields understand (body parameters have one already). */
export function schemaOf(p: ParameterDetail): JsonObject {
  if (p.in === 'body' && p.schema) return { ...p.schema, 'x-ms-summary': p.label };
  return {
    type: p.type,
    'x-ms-summary': p.label,
    ...(p.format && { format: p.format }),
    ...(p.enum && { enum: [...p.enum] }),
    ...(p.items && { items: p.items }),
    ...(p.description && { description: p.description }),
    ...(p.dynamicValues && { 'x-ms-dynamic-values': {} }),
    ...(p.dynamicSchema && { 'x-ms-dynamic-schema': {} }),
    ...(p.dynamicTree && { 'x-ms-dynamic-tree': {} }),
  };
}

/** Parameters as the designer shows them: internal hidden, advanced folded, the rest in order. */
export function ParameterFields({ operation }: { operation: OperationDetail }) {
  const visible = operation.parameters.filter((p) => p.visibility !== 'internal');
  const main = visible.filter((p) => p.visibility !== 'advanced' || p.required);
  const advanced = visible.filter((p) => p.visibility === 'advanced' && !p.required);
  const field = (p: ParameterDetail) => (
    <Field
      key={`${p.in}:${p.name}`}
      name={p.name}
      path={[p.name]}
      schema={schemaOf(p)}
      required={p.required}
      target={p.name}
      label={p.label}
      description={p.description}
    />
  );
  return (
    <>
      {main.length === 0 && advanced.length === 0 && (
        <p className="muted">This operation takes no parameters.</p>
      )}
      {main.map(field)}
      {advanced.length > 0 && (
        <details>
          <summary>Advanced parameters ({advanced.length})</summary>
          {advanced.map(field)}
        </details>
      )}
    </>
  );
}

/** The initial arguments: defaults of required parameters, or every test value (`x-ms-test-value`). */
export function initialArgs(operation: OperationDetail, testValues: boolean): JsonObject {
  let args: JsonObject = {};
  for (const p of operation.parameters) {
    const value: JsonValue | undefined =
      testValues && p.testValue !== null
        ? p.testValue
        : p.required && p.default !== null
          ? p.default
          : undefined;
    if (value !== undefined) args = setIn(args, [p.name], value);
  }
  return args;
}
