import { useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { JsonObject, TreeNode } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { type FieldProps, Hint, Label, useForm } from './context.tsx';
import { fromInput, getIn, labelOf, prune, toInput } from './values.ts';

/**
 * A folder-style picker (`x-ms-dynamic-tree`, file pickers): the roots, then the children of an
 * opened node (`POST …/tree` with its `item`), down as far as needed; a selectable node is chosen.
 */
export function TreePicker({ name, path, schema, required, label, description, target }: FieldProps) {
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
