import type { BreakingChange, BreakingReport } from '../api/types.ts';
import { plural, RichText } from '../components/common.tsx';

/** What certification would call the update, as a badge: a major update is reviewed again in full. */
export function UpdateBadge({ update }: { update: BreakingReport['update'] }) {
  if (update === 'major') return <span className="badge warn">major update</span>;
  if (update === 'minor') return <span className="badge ok">minor update</span>;
  return <span className="badge neutral">no change</span>;
}

/** The breaking changes, counted as a badge: errors break existing flows. */
export function BreakingBadge({ summary }: { summary: BreakingReport['summary'] }) {
  if (summary.error > 0) return <span className="badge bad">{plural(summary.error, 'breaking change')}</span>;
  if (summary.warning > 0) return <span className="badge warn">{plural(summary.warning, 'warning')}</span>;
  return <span className="badge ok">breaks nothing</span>;
}

/** One sentence: how many changes of each severity, and the kind of update. */
export function breakingSentence(report: BreakingReport): string {
  const { error, warning, info } = report.summary;
  const what =
    error + warning + info === 0
      ? 'Nothing breaks flows built on it'
      : `${plural(error, 'breaking change')}, ${plural(warning, 'warning')}, ${plural(info, 'note')}`;
  const update =
    report.update === 'major'
      ? 'certification would review it as a major update'
      : report.update === 'minor'
        ? 'certification would take it as a minor update'
        : 'the files are the same';
  return `${what}; ${update}.`;
}

/** The changes, most severe first, each with Microsoft's sentence, its path and where it is. */
export function ChangeList({
  changes,
  from,
  to,
}: {
  changes: readonly BreakingChange[];
  from: number;
  to: number;
}) {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...changes].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="findings changes">
      {sorted.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a change can repeat at another place
        <li key={i} className={`finding ${c.severity}`}>
          <p>
            <span
              className={`badge ${c.severity === 'error' ? 'bad' : c.severity === 'warning' ? 'warn' : 'neutral'}`}
            >
              {c.severity}
            </span>{' '}
            {c.message}
          </p>
          {c.detail && (
            <p>
              <RichText text={c.detail} />
            </p>
          )}
          <p className="muted small">
            <code>{c.path}</code>
            {c.line !== undefined && (
              <>
                {' '}
                · version {c.version === 'old' ? from : to}, line {c.line}
                {c.column !== undefined && `:${c.column}`}
              </>
            )}{' '}
            ·{' '}
            <a href={`/docs/breaking-changes#${encodeURIComponent(c.kind)}`} target="_blank" rel="noreferrer">
              <code>{c.kind}</code>: how to fix it
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
