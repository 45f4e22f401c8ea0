/** What the fields of one form share: the arguments so far, the connection, labels and hints. */
import { createContext, useContext } from 'react';
import type { JsonObject, JsonValue } from '../api/types.ts';

export interface FormState {
  readonly connectionId: string | undefined;
  readonly operationId: string;
  /** Every argument so far: dynamic look-ups are sent the values they depend on. */
  readonly args: JsonObject;
  setValue(path: readonly string[], value: JsonValue | undefined): void;
}

export const FormContext = createContext<FormState | null>(null);

export function useForm(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('Fields need a FormContext.');
  return form;
}

export function Label({ id, label, required }: { id: string; label: string; required: boolean }) {
  return (
    <label htmlFor={id}>
      {label}
      {required && (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
}

export function Hint({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="hint" id={id}>
      {text}
    </p>
  ) : null;
}

export interface FieldProps {
  readonly name: string;
  readonly path: readonly string[];
  readonly schema: JsonObject;
  readonly required: boolean;
  /** The target of dynamic look-ups: a parameter name or `body/prop/sub`. */
  readonly target: string;
  readonly label?: string;
  readonly description?: string | null;
}
