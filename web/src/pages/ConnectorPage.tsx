import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { OperationSummary } from '../api/types.ts';
import { Async, ConnectorIcon, PageTitle, ValidationBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';

function OperationList({ id, operations }: { id: string; operations: readonly OperationSummary[] }) {
  return (
    <ul className="operations">
      {operations.map((o) => (
        <li key={o.operationId ?? `${o.method} ${o.path}`}>
          {o.operationId ? (
            <Link
              href={`/connectors/${encodeURIComponent(id)}/operations/${encodeURIComponent(o.operationId)}`}
            >
              {o.summary ?? o.operationId}
            </Link>
          ) : (
            <span>{o.summary ?? `${o.method} ${o.path}`}</span>
          )}
          {o.visibility === 'important' && <span className="badge neutral">important</span>}
          {o.kind === 'webhook-trigger' && <span className="badge neutral">webhook</span>}
          {o.kind === 'polling-trigger' && <span className="badge neutral">polling</span>}
          <div className="muted small">
            <code>
              {o.method} {o.path}
            </code>{' '}
            · {o.operationId}
          </div>
          {o.description && <p className="description">{o.description}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Actions or triggers the way the Power Platform lists them: important first, advanced folded. */
function Group({
  id,
  title,
  operations,
}: {
  id: string;
  title: string;
  operations: readonly OperationSummary[];
}) {
  const shown = operations.filter((o) => o.visibility !== 'advanced');
  const advanced = operations.filter((o) => o.visibility === 'advanced');
  const headingId = `group-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="muted">({operations.length})</span>
      </h2>
      {operations.length === 0 && <p className="muted">None.</p>}
      <OperationList id={id} operations={shown} />
      {advanced.length > 0 && (
        <details>
          <summary>
            Advanced {title.toLowerCase()} ({advanced.length})
          </summary>
          <OperationList id={id} operations={advanced} />
        </details>
      )}
    </section>
  );
}

export function ConnectorPage({ id }: { id: string }) {
  const [loaded] = useLoad(
    async (signal) => {
      const [gallery, view] = await Promise.all([api.gallery(signal), api.operations(id, signal)]);
      return { card: gallery.connectors.find((c) => c.id === id), view };
    },
    [id],
  );
  return (
    <Async loaded={loaded} what="the connector">
      {({ card, view }) => {
        const actions = view.operations.filter((o) => o.kind === 'action' || o.kind === 'callback-action');
        const triggers = view.operations.filter((o) => o.kind.endsWith('trigger'));
        return (
          <>
            <div className="connector-head">
              <ConnectorIcon id={id} color={card?.brandColor ?? null} size={64} />
              <PageTitle sub={card?.publisher ?? undefined}>{card?.title ?? view.title ?? id}</PageTitle>
            </div>
            {card?.description && <p>{card.description}</p>}
            <p className="actions-row">
              <Link href={`/connectors/${encodeURIComponent(id)}/validation`}>
                Validation report <ValidationBadge summary={card?.validation} />
              </Link>
              <Link href={`/connectors/${encodeURIComponent(id)}/versions`}>Versions</Link>
              <Link href={`/connections?connector=${encodeURIComponent(id)}`}>New connection</Link>
            </p>
            <Group id={id} title="Actions" operations={actions} />
            <Group id={id} title="Triggers" operations={triggers} />
          </>
        );
      }}
    </Async>
  );
}
