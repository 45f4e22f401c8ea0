import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { Async, PageTitle, ValidationBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The stored versions of a connector, newest first, each linked to what it changed. */
export function VersionsPage({ id }: { id: string }) {
  const [loaded] = useLoad((signal) => api.versions(id, signal), [id]);
  const base = `/connectors/${encodeURIComponent(id)}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={base}>{id}</Link> › versions
      </nav>
      <PageTitle sub="Each import that changed the files made a version; flows run on the latest.">
        Versions
      </PageTitle>
      <Async loaded={loaded} what="the versions">
        {({ versions }) => {
          const latest = Math.max(0, ...versions.map((v) => v.version));
          return (
            <ul className="findings versions">
              {[...versions].reverse().map((v) => (
                <li key={v.version} className="finding">
                  <h2 className="version-title">
                    Version {v.version}
                    {v.version === latest && <span className="badge neutral">latest</span>}
                  </h2>
                  <p className="muted small">
                    <time dateTime={v.createdAt}>{when(v.createdAt)}</time>
                    {v.createdBy && <> · by {v.createdBy}</>} · preset <code>{v.validation.preset}</code>{' '}
                    <ValidationBadge summary={v.validation} />
                  </p>
                  {v.version > 1 && (
                    <p>
                      <Link href={`${base}/versions/${v.version}/changes`}>
                        What version {v.version} changes
                        <span className="visually-hidden"> for flows built on version {v.version - 1}</span>
                      </Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Async>
    </>
  );
}
