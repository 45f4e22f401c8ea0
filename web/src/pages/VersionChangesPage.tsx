import { useId } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../api/client.ts';
import { Async, PageTitle } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { BreakingBadge, breakingSentence, ChangeList, UpdateBadge } from './breaking-parts.tsx';

/**
 * What version `version` of a connector changes for flows built on an earlier one (`?from=`, default
 * the version before it): `flowport breaking` between two stored versions.
 */
export function VersionChangesPage({ id, version }: { id: string; version: number }) {
  const search = new URLSearchParams(useSearch());
  const asked = Number(search.get('from'));
  const from = Number.isInteger(asked) && asked >= 1 ? asked : undefined;
  const [, navigate] = useLocation();
  const selectId = useId();
  const [loaded] = useLoad(
    async (signal) => {
      const [changes, { versions }] = await Promise.all([
        api.versionChanges(id, version, from, signal),
        api.versions(id, signal),
      ]);
      return { changes, versions };
    },
    [id, version, from],
  );
  const base = `/connectors/${encodeURIComponent(id)}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={base}>{id}</Link> › <Link href={`${base}/versions`}>versions</Link> › version {version}
      </nav>
      <Async loaded={loaded} what="the changes">
        {({ changes, versions }) => (
          <>
            <PageTitle sub={breakingSentence(changes)}>
              Version {changes.to} against version {changes.from} <BreakingBadge summary={changes.summary} />{' '}
              <UpdateBadge update={changes.update} />
            </PageTitle>
            <div className="field compare-with">
              <label htmlFor={selectId}>Compare with version</label>
              <select
                id={selectId}
                value={changes.from}
                onChange={(e) => navigate(`${base}/versions/${version}/changes?from=${e.target.value}`)}
              >
                {versions
                  .filter((v) => v.version !== version)
                  .map((v) => (
                    <option key={v.version} value={v.version}>
                      {v.version}
                    </option>
                  ))}
              </select>
            </div>
            <section aria-labelledby="changes-heading">
              <h2 id="changes-heading">Changes for flows built on version {changes.from}</h2>
              {changes.changes.length === 0 ? (
                <p>
                  None: every action, trigger, parameter and output of version {changes.from} is still there
                  and still takes the same input.
                </p>
              ) : (
                <ChangeList changes={changes.changes} from={changes.from} to={changes.to} />
              )}
              {changes.changes.length <
                changes.summary.error + changes.summary.warning + changes.summary.info && (
                <p className="muted">
                  The first {changes.changes.length} are shown; <code>flowport breaking</code> lists them all.
                </p>
              )}
            </section>
            {changes.differences.length > 0 && (
              <details>
                <summary>
                  Where the files differ (
                  {changes.differences.length === 50 ? '50 or more' : changes.differences.length})
                </summary>
                <ul className="differences">
                  {changes.differences.map((d) => (
                    <li key={`${d.file}${d.pointer ?? ''}`}>
                      <code>{d.file}</code>
                      {d.pointer !== undefined && (
                        <>
                          {' '}
                          <code>{d.pointer || '/'}</code>
                        </>
                      )}{' '}
                      — {d.minor ? 'a minor update may change it' : 'makes the update major'}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </Async>
    </>
  );
}
