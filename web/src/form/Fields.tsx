/**
 * Fields generated from swagger schemas, the way the Power Platform's designer shows them: labels
 * from `x-ms-summary`, required marks, enums as selects, `x-ms-dynamic-values` as drop-downs loaded
 * through the connection, `x-ms-dynamic-schema` objects as the fields the schema describes, files as
 * file inputs, and a JSON editor for what has no simple form.
 */
import { createContext, type ReactNode, useContext, useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { DynamicValue, JsonObject, JsonValue, TreeNode } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import {
  fromInput,
  getIn,
  hasDynamicSchema,
  hasDynamicTree,
  hasDynamicValues,
  isObject,
  labelOf,
  prune,
  toInput,
  visibilityOf,
} from './values.ts';

export interface FormState {
  readonly connectionId: string | undefined;
  readonly operationId: string;
  /** Every argument so far: dynamic look-ups are sent the values they depend on. */
  readonly args: JsonObject;
  setValue(path: readonly string[], value: JsonValue | undefined): void;
}

export const FormContext = createContext<FormState | null>(null);

function useForm(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('Fields need a FormContext.');
  return form;
}

function Label({ id, label, required }: { id: string; label: string; required: boolean }) {
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

function Hint({ id, text }: { id: string; text: string | undefined }) {
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

function ScalarField({ name, path, schema, required, label, description }: FieldProps) {
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

function FileField({ name, path, schema, required, label, description }: FieldProps) {
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

/** A drop-down whose values come from the backend through the connection (`x-ms-dynamic-values`). */
function DynamicSelect(props: FieldProps) {
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

/** An object whose properties come from the backend (`x-ms-dynamic-schema`), shown as fields. */
function DynamicSchemaField(props: FieldProps) {
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

/**
 * A folder-style picker (`x-ms-dynamic-tree`, file pickers): the roots, then the children of an
 * opened node (`POST …/tree` with its `item`), down as far as needed; a selectable node is chosen.
 */
function TreePicker({ name, path, schema, required, label, description, target }: FieldProps) {
  const form = useForm();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState<TreeNode[]>([]);
  const [nodes, setNodes] = useState<TreeNode[] | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const value = getIn(form.args, path);
  const { connectionId, operationId } = form;
  const text = label ?? labelOf(schema, name);
  const hint = description ?? (typeof schema.description === 'string' ? schema.description : undefined);
  const list = async (into: TreeNode[]) => {
    if (!connectionId) return;
    setError(undefined);
    setNodes(undefined);
    try {
      const parent = into[into.length - 1];
      const args = (prune(form.args) as JsonObject) ?? {};
      const answer = await api.tree(connectionId, operationId, target, args, parent?.item ?? parent?.value);
      setTrail(into);
      setNodes(answer.nodes);
    } catch (e) {
      setError(e as Error);
    }
  };
  const title = (n: TreeNode) => n.displayName ?? toInput(n.value);
  return (
    <div className="field">
      <Label id={id} label={text} required={required} />
      <div className="inline">
        <input
          id={id}
          type="text"
          required={required}
          aria-describedby={`${id}-hint`}
          value={toInput(value)}
          onChange={(e) => {
            setChosen(undefined);
            form.setValue(path, fromInput('string', e.target.value));
          }}
        />
        <button
          type="button"
          className="secondary"
          aria-expanded={open}
          aria-controls={`${id}-tree`}
          disabled={!connectionId}
          onClick={() => {
            setOpen(!open);
            if (!open) void list([]);
          }}
        >
          Browse…
        </button>
      </div>
      <Hint
        id={`${id}-hint`}
        text={[chosen && `Chosen: ${chosen}.`, hint, !connectionId && 'Choose a connection to browse.']
          .filter(Boolean)
          .join(' ')}
      />
      {open && (
        // biome-ignore lint/a11y/useSemanticElements: a group of controls, not a form section
        <div className="tree" id={`${id}-tree`} role="group" aria-label={`Browse ${text}`}>
          <nav aria-label={`Path in ${text}`} className="crumbs">
            <button type="button" className="link" onClick={() => list([])}>
              Top
            </button>
            {trail.map((n, i) => (
              <span key={toInput(n.value)}>
                {' › '}
                <button type="button" className="link" onClick={() => list(trail.slice(0, i + 1))}>
                  {title(n)}
                </button>
              </span>
            ))}
          </nav>
          {error && <ProblemMessage error={error} title="Could not list:" />}
          {!nodes && !error && (
            <p className="muted" role="status">
              Loading…
            </p>
          )}
          {nodes && nodes.length === 0 && <p className="muted">Empty.</p>}
          {nodes && nodes.length > 0 && (
            <ul className="tree-nodes">
              {nodes.map((n) => (
                <li key={toInput(n.value)}>
                  <span>
                    {n.isParent ? '📁 ' : ''}
                    {title(n)}
                  </span>
                  {n.isParent && (
                    <button type="button" className="secondary small" onClick={() => list([...trail, n])}>
                      Open<span className="visually-hidden"> {title(n)}</span>
                    </button>
                  )}
                  {n.selectable !== false && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        form.setValue(path, n.value);
                        setChosen(n.fullTitle ?? title(n));
                        setOpen(false);
                      }}
                    >
                      Choose<span className="visually-hidden"> {title(n)}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
