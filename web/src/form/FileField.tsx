import { useId, useState } from 'react';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { labelOf } from './values.ts';

/** A file input; the file goes as text (the invoke API takes JSON arguments). */
export function FileField({ name, path, schema, required, label, description }: FieldProps) {
  const form = useForm();
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="field">
      <Label id={id} label={label ?? labelOf(schema, name)} required={required} />
      <input
        id={id}
        type="file"
        required={required}
        aria-describedby={`${id}-hint`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          setError(undefined);
          if (!file) return form.setValue(path, undefined);
          if (file.size > 1024 * 1024) {
            setError('Files up to 1 MiB can be sent through the console.');
            return form.setValue(path, undefined);
          }
          // The invoke API takes JSON arguments: a file goes as its text, so only text files can.
          try {
            form.setValue(path, new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()));
          } catch {
            setError('This file is not text: binary uploads cannot be sent through the console yet.');
            form.setValue(path, undefined);
          }
        }}
      />
      <Hint
        id={`${id}-hint`}
        text={`${description ?? (typeof schema.description === 'string' ? schema.description : '')} Text files up to 1 MiB (the invoke API takes JSON arguments only).`.trim()}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
