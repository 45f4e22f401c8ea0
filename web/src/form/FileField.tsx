import { useId, useState } from 'react';
import { toBase64 } from '../api/base64.ts';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { labelOf } from './values.ts';

const MAX_FILE_BYTES = 700 * 1024;

/**
 * A file input: the file goes as `{ "$content-type", "$content" (base64), "$filename" }`, the shape
 * the invoke API turns into a file for `formData` file parameters and binary bodies.
 */
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
          if (file.size > MAX_FILE_BYTES) {
            setError(
              'Files up to 700 KB can be sent through the console (the invoke API takes JSON, base64 makes them a third larger).',
            );
            return form.setValue(path, undefined);
          }
          const bytes = new Uint8Array(await file.arrayBuffer());
          // A file goes in the platform's binary shape; the server makes it the file it sends on.
          form.setValue(path, {
            '$content-type': file.type || 'application/octet-stream',
            $content: toBase64(bytes),
            $filename: file.name,
          });
        }}
      />
      <Hint
        id={`${id}-hint`}
        text={`${description ?? (typeof schema.description === 'string' ? schema.description : '')} Any file up to 700 KB.`.trim()}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
