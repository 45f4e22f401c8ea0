/**
 * Fields generated from swagger schemas, the way the Power Platform's designer shows them: labels
 * from `x-ms-summary`, required marks, enums as selects, `x-ms-dynamic-values` as drop-downs loaded
 * through the connection, `x-ms-dynamic-schema` objects as the fields the schema describes, files as
 * file inputs, and a JSON editor for what has no simple form.
 */
import type { FieldProps } from './context.tsx';
import { DynamicSchemaField } from './DynamicSchemaField.tsx';
import { DynamicSelect } from './DynamicSelect.tsx';
import { FileField } from './FileField.tsx';
import { JsonField } from './JsonField.tsx';
import { ObjectFields } from './ObjectFields.tsx';
import { ScalarField } from './ScalarField.tsx';
import { TreePicker } from './TreePicker.tsx';
import { hasDynamicSchema, hasDynamicTree, hasDynamicValues, isObject } from './values.ts';

export { type FieldProps, FormContext, type FormState } from './context.tsx';
export { JsonField } from './JsonField.tsx';

/** One field for `schema` at `path` in the arguments. */
export function Field(props: FieldProps) {
  const { schema } = props;
  if (hasDynamicSchema(schema)) return <DynamicSchemaField {...props} />;
  if (hasDynamicTree(schema)) return <TreePicker {...props} />;
  if (hasDynamicValues(schema)) return <DynamicSelect {...props} />;
  const type =
    typeof schema.type === 'string' ? schema.type : isObject(schema.properties) ? 'object' : undefined;
  if (type === 'object' && isObject(schema.properties)) return <ObjectFields {...props} />;
  if (type === 'object' || type === 'array' || type === undefined) return <JsonField {...props} />;
  if (type === 'file') return <FileField {...props} />;
  return <ScalarField {...props} />;
}
