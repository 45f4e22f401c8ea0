import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { ConnectionStatus, JsonValue, ValidationSummary } from '../api/types.ts';
import type { Loaded } from './use-load.ts';

/** An API error as the server worded it, with its code; announced to screen readers. */
/** `1 error`, `2 errors`. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ProblemMessage({ error, title }: { error: Error; title?: string }) {
  const code = error instanceof ApiError ? error.code : undefined;
  const errors = error instanceof ApiError ? error.errors : [];
  return (
    <div className="problem" role="alert">
      {title && <strong>{title} </strong>}
      <RichText text={error.message} />
      {code && <span className="code"> ({code})</span>}
      {errors.length > 0 && (
        <ul>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Renders a load: a status line while loading, the problem on failure, `children(value)` when done. */
export function Async<T>({
  loaded,
  children,
  what,
}: {
  loaded: Loaded<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (loaded.state === 'loading')
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  if (loaded.state === 'error')
    return <ProblemMessage error={loaded.error} title={`Could not load ${what}:`} />;
  return <>{children(loaded.value)}</>;
}

let focusNextTitle = false;
/** Called on every navigation inside the console (not the first load): the next title takes focus. */
export function titleTakesFocus(): void {
  focusNextTitle = true;
}

/**
 * The page title: a level-1 heading that takes focus after a navigation, so that screen readers
 * announce the new page and Tab continues from there (the first load keeps the browser's order).
 */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusNextTitle) {
      focusNextTitle = false;
      ref.current?.focus({ preventScroll: true });
    }
    document.title = `${ref.current?.textContent ?? 'flowport'} · flowport console`;
  }, []);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>
        {children}
      </h1>
      {sub && <p className="muted">{sub}</p>}
    </div>
  );
}

export function StatusBadge({ status }: { status: ConnectionStatus | string }) {
  const tone =
    status === 'connected' || status === 'active' || status === 'delivered'
      ? 'ok'
      : status === 'unauthenticated' || status === 'pending' || status === 'stopped'
        ? 'warn'
        : status === 'none'
          ? 'neutral'
          : 'bad';
  return <span className={`badge ${tone}`}>{status}</span>;
}

export function ValidationBadge({ summary }: { summary: ValidationSummary | undefined }) {
  if (!summary) return <span className="badge neutral">not validated</span>;
  if (summary.errors > 0)
    return (
      <span className="badge bad">
        {summary.errors} error{summary.errors === 1 ? '' : 's'}
      </span>
    );
  if (summary.warnings > 0)
    return (
      <span className="badge warn">
        {summary.warnings} warning{summary.warnings === 1 ? '' : 's'}
      </span>
    );
  return <span className="badge ok">valid</span>;
}

/** The icon (fetched with the token: an `<img src>` cannot send it) on the brand colour. */
export function ConnectorIcon({ id, color, size = 48 }: { id: string; color: string | null; size?: number }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | undefined;
    api
      .icon(id, controller.signal)
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id]);
  return (
    <span
      className="connector-icon"
      style={{ background: color ?? '#5c6b7a', width: size, height: size }}
      aria-hidden="true"
    >
      {url && <img src={url} alt="" width={size - 8} height={size - 8} />}
    </span>
  );
}

/** JSON pretty-printed in a scrollable, focusable block. */
export function JsonBlock({ value, label }: { value: JsonValue | undefined; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard
    <section className="scroll json" tabIndex={0} aria-label={label}>
      <pre>{text}</pre>
    </section>
  );
}

export function HeaderTable({
  headers,
  caption,
}: {
  headers: Readonly<Record<string, string>>;
  caption: string;
}) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="kv">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A finding or problem message with its `code spans` shown as code. */
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one as text.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
        i % 2 === 1 ? <code key={i}>{part}</code> : part,
      )}
    </>
  );
}
