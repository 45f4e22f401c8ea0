import { useId, useState } from 'react';
import type { JsonValue } from '../api/types.ts';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { getIn, labelOf } from './values.ts';

/** A text area that takes JSON, checked as it is typed; the arguments change only when it parses. */
export function JsonField({ name, path, schema, required, label, description }: FieldProps) {
  const form = useForm();
  const id = useId();
  const current = getIn(form.args, path);
  const [text, setText] = useState(() => (current === undefined ? '' : JSON.stringify(current, null, 2)));
  const [error, setError] = useState<string | undefined>();
  const hint = description ?? (typeof schema.description === 'string' ? schema.description : undefined);
  return (
    <div className="field">
      <Label id={id} label={`${label ?? labelOf(schema, name)} (JSON)`} required={required} />
      <textarea
        id={id}
        className="code"
        rows={Math.min(16, Math.max(3, text.split('\n').length + 1))}
        spellCheck={false}
        required={required}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(undefined);
            form.setValue(path, undefined);
            return;
          }
          try {
            form.setValue(path, JSON.parse(e.target.value) as JsonValue);
            setError(undefined);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      />
      <Hint id={`${id}-hint`} text={hint ?? 'A JSON value.'} />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          Not valid JSON: {error}
        </p>
      )}
    </div>
  );
}
