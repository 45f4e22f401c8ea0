import { type ReactNode, useId } from 'react';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { fromInput, getIn, labelOf, toInput } from './values.ts';

/** A string, number, boolean or enum: an input or a select. */
export function ScalarField({ name, path, schema, required, label, description }: FieldProps) {
  const form = useForm();
  const id = useId();
  const value = getIn(form.args, path);
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  const text = label ?? labelOf(schema, name);
  const hint = description ?? (typeof schema.description === 'string' ? schema.description : undefined);
  const common = {
    id,
    required,
    'aria-required': required,
    'aria-describedby': hint ? `${id}-hint` : undefined,
  };
  let input: ReactNode;
  if (Array.isArray(schema.enum) || type === 'boolean') {
    const options = Array.isArray(schema.enum) ? schema.enum : [true, false];
    input = (
      <select
        {...common}
        value={toInput(value)}
        onChange={(e) => form.setValue(path, fromInput(type, e.target.value))}
      >
        <option value="">{required ? 'Choose…' : '(none)'}</option>
        {options.map((o) => (
          <option key={toInput(o)} value={toInput(o)}>
            {toInput(o)}
          </option>
        ))}
      </select>
    );
  } else {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const inputType =
      type === 'integer' || type === 'number'
        ? 'number'
        : format === 'email'
          ? 'email'
          : format === 'password'
            ? 'password'
            : 'text';
    input = (
      <input
        {...common}
        type={inputType}
        step={type === 'integer' ? 1 : type === 'number' ? 'any' : undefined}
        placeholder={
          format === 'date-time' ? '2026-01-31T09:00:00Z' : format === 'date' ? '2026-01-31' : undefined
        }
        value={toInput(value)}
        onChange={(e) => form.setValue(path, fromInput(type, e.target.value))}
      />
    );
  }
  return (
    <div className="field">
      <Label id={id} label={text} required={required} />
      {input}
      <Hint id={`${id}-hint`} text={hint} />
    </div>
  );
}
