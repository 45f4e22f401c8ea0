import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { DynamicValue, JsonObject } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { fromInput, getIn, labelOf, prune, toInput } from './values.ts';

/** A drop-down whose values come from the backend through the connection (`x-ms-dynamic-values`). */
export function DynamicSelect(props: FieldProps) {
  const { name, path, schema, required, label, description, target } = props;
  const form = useForm();
  const id = useId();
  const [values, setValues] = useState<DynamicValue[] | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [loading, setLoading] = useState(false);
  const value = getIn(form.args, path);
  const { connectionId, operationId } = form;
  // Look-ups may depend on other arguments; the ones typed so far are sent when loading.
  const load = async () => {
    if (!connectionId) return;
    setLoading(true);
    setError(undefined);
    try {
      const answer = await api.dynamicValues(
        connectionId,
        operationId,
        target,
        (prune(form.args) as JsonObject) ?? {},
      );
      setValues(answer.values);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the connection changes
  useEffect(() => {
    setValues(undefined);
    void load();
  }, [connectionId]);
  const text = label ?? labelOf(schema, name);
  const hint = description ?? (typeof schema.description === 'string' ? schema.description : undefined);
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  return (
    <div className="field">
      <Label id={id} label={text} required={required} />
      <div className="inline">
        {values ? (
          <select
            id={id}
            required={required}
            aria-describedby={hint ? `${id}-hint` : undefined}
            value={toInput(value)}
            onChange={(e) => form.setValue(path, fromInput(type, e.target.value))}
          >
            <option value="">{required ? 'Choose…' : '(none)'}</option>
            {values.map((v) => (
              <option key={toInput(v.value)} value={toInput(v.value)} disabled={v.disabled}>
                {v.displayName ?? toInput(v.value)}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="text"
            required={required}
            aria-describedby={hint ? `${id}-hint` : undefined}
            value={toInput(value)}
            onChange={(e) => form.setValue(path, fromInput(type, e.target.value))}
          />
        )}
        <button type="button" className="secondary" onClick={load} disabled={!connectionId || loading}>
          {loading ? 'Loading…' : 'Reload values'}
        </button>
      </div>
      <Hint
        id={`${id}-hint`}
        text={connectionId ? hint : `${hint ?? ''} Choose a connection to load the values.`.trim()}
      />
      {error && <ProblemMessage error={error} title="Values could not be loaded:" />}
    </div>
  );
}
