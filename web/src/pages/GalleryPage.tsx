import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { GalleryCard, User } from '../api/types.ts';
import { Async, ConnectorIcon, PageTitle, ValidationBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';

/** Marks when the cards are on screen: `npm run bench:console` reads it as the first render time. */
function RenderedMark() {
  useEffect(() => {
    if (performance.getEntriesByName('flowport:gallery').length === 0) performance.mark('flowport:gallery');
  }, []);
  return null;
}

const FILTER_FROM = 7;

// Admins only, and only once opened: the form stays out of the gallery's first script.
const ImportConnector = lazy(() =>
  import('./ImportConnector.tsx').then((m) => ({ default: m.ImportConnector })),
);

/** A disclosure with the import form; the form mounts when first opened and stays (its outcome too). */
function ImportSection({ onImported }: { onImported: () => void }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="card import" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Import a connector</summary>
      {opened && (
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading the form…
            </p>
          }
        >
          <ImportConnector onImported={onImported} />
        </Suspense>
      )}
    </details>
  );
}

function matches(card: GalleryCard, words: string[]): boolean {
  const text = `${card.title} ${card.publisher ?? ''} ${card.id} ${card.description ?? ''}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export function GalleryPage({ user }: { user: User | undefined }) {
  const [loaded, reload] = useLoad((signal) => api.gallery(signal), []);
  const admin = user?.role === 'admin';
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    <>
      <PageTitle sub="The connectors this server hosts. Open one to try its operations.">
        Connectors
      </PageTitle>
      {admin && <ImportSection onImported={reload} />}
      <Async loaded={loaded} what="the connectors">
        {({ connectors }) =>
          connectors.length === 0 ? (
            <p>
              No connectors yet.{' '}
              {admin ? (
                <>
                  Import one above, or start <code>flowport serve ./my-connector</code>.
                </>
              ) : (
                'An admin of this server can import one.'
              )}
            </p>
          ) : (
            <>
              {connectors.length >= FILTER_FROM && (
                <div className="field filter">
                  <label htmlFor="filter">Filter connectors</label>
                  <input
                    id="filter"
                    type="search"
                    value={filter}
                    placeholder="Title, publisher or id"
                    aria-describedby="filter-count"
                    onChange={(e) => setFilter(e.target.value)}
                  />
                  <p className="hint" id="filter-count" role="status">
                    {connectors.filter((c) => matches(c, words)).length} of {connectors.length} shown.
                  </p>
                </div>
              )}
              <ul className="gallery">
                <RenderedMark />
                {connectors
                  .filter((c) => matches(c, words))
                  .map((c) => (
                    <li
                      key={c.id}
                      className="card connector-card"
                      style={{ borderTopColor: c.brandColor ?? undefined }}
                    >
                      <ConnectorIcon id={c.id} color={c.brandColor} />
                      <div>
                        <h2>
                          <Link href={`/connectors/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                        </h2>
                        <p className="muted">{c.publisher ?? 'Unknown publisher'}</p>
                        <p>
                          {c.actions} action{c.actions === 1 ? '' : 's'} · {c.triggers} trigger
                          {c.triggers === 1 ? '' : 's'}
                        </p>
                        <Link href={`/connectors/${encodeURIComponent(c.id)}/validation`}>
                          <ValidationBadge summary={c.validation} />
                          <span className="visually-hidden"> in the validation report of {c.title}</span>
                        </Link>
                      </div>
                    </li>
                  ))}
              </ul>
            </>
          )
        }
      </Async>
    </>
  );
}
