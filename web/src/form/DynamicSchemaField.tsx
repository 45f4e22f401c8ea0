import { useState } from 'react';
import { api } from '../api/client.ts';
import type { JsonObject } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { type FieldProps, useForm } from './context.tsx';
import { Field } from './Field.tsx';
import { labelOf, prune } from './values.ts';

/** An object whose properties come from the backend (`x-ms-dynamic-schema`), shown as fields. */
export function DynamicSchemaField(props: FieldProps) {
  const { name, schema, label, target } = props;
  const form = useForm();
  const [loaded, setLoaded] = useState<JsonObject | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [loading, setLoading] = useState(false);
  const { connectionId, operationId } = form;
  const load = async () => {
    if (!connectionId) return;
    setLoading(true);
    setError(undefined);
    try {
      const answer = await api.dynamicSchema(
        connectionId,
        operationId,
        target,
        (prune(form.args) as JsonObject) ?? {},
      );
      setLoaded(answer.schema);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  const { 'x-ms-dynamic-schema': _s, 'x-ms-dynamic-properties': _p, ...rest } = schema;
  const resolved: JsonObject | undefined = loaded
    ? { ...rest, ...loaded, 'x-ms-summary': labelOf(schema, name) }
    : undefined;
  return (
    <div className="dynamic-schema">
      {resolved ? (
        <Field {...props} schema={resolved} />
      ) : (
        <fieldset className="object">
          <legend>{label ?? labelOf(schema, name)}</legend>
          <p className="hint">
            Its fields depend on other values (a dynamic schema). Fill those in, then load the fields.
          </p>
        </fieldset>
      )}
      <button type="button" className="secondary" onClick={load} disabled={!connectionId || loading}>
        {loading ? 'Loading fields…' : `Load the fields of ${labelOf(schema, name)}`}
      </button>
      {error && <ProblemMessage error={error} title="The schema could not be loaded:" />}
    </div>
  );
}
