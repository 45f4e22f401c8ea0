/**
 * What the API tokens and Users pages share: a token list with revoke, the form that creates one,
 * and the new token shown once. A token's value lives only in this component state: never in the
 * address, storage or the console log.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { getToken } from '../api/token.ts';
import type { CreatedToken, TokenInfo } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { DEFAULT_EXPIRY, EXPIRY_CHOICES, expiresInDays, expiryText, isExpired } from './token-expiry.ts';

/** A timestamp in the reader's locale, machine-readable in `dateTime`. */
export function When({ iso }: { iso: string }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={iso}>
      {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}

/** A token's expiry in words ("expires in 30 days", "expired", "no expiry"), the exact time on hover. */
export function Expiry({ iso }: { iso: string | undefined }) {
  const text = expiryText(iso, Date.now());
  if (iso === undefined) return <span>{text}</span>;
  return (
    <time
      dateTime={iso}
      title={new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
    >
      {text}
    </time>
  );
}

/**
 * The expiry select of a new-token form: 7, 30 or 90 days, or none; its hint says when the token
 * would stop working, or advises against no expiry.
 */
export function ExpirySelect({
  id,
  value,
  onChange,
  label = 'Expiration',
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label?: string;
}) {
  const days = expiresInDays(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      >
        {EXPIRY_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-hint`}>
        {days === undefined
          ? 'The token works until it is revoked: prefer one that expires, and make a new one then.'
          : `The token stops working on ${new Date(Date.now() + days * 86_400_000).toLocaleDateString(undefined, { dateStyle: 'medium' })}.`}
      </p>
    </div>
  );
}

/** Whether `info` is the token this tab is signed in with (the prefix is the token's first characters). */
function isCurrent(info: TokenInfo): boolean {
  return getToken()?.startsWith(info.prefix) ?? false;
}

/**
 * A token just created: its value with a copy button and the warning that it is shown once. Focus
 * moves to the value, so screen readers read its label and the warning.
 */
export function NewToken({
  created,
  owner,
  onDone,
  heading: Heading = 'h3',
}: {
  created: CreatedToken;
  owner?: string;
  onDone: () => void;
  /** The heading's level where it is shown (under an `h2` section by default). */
  heading?: 'h3' | 'h5';
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | undefined>();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): the text is selected instead.
      input.current?.focus();
      input.current?.select();
      setCopied('Could not reach the clipboard: the token is selected, press Ctrl+C (⌘C) to copy it.');
    }
  }
  return (
    <section className="notice new-token" aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>
        New token “{created.info.name}”{owner && ` for ${owner}`}
      </Heading>
      <p id={`${id}-warn`}>
        <strong>Copy it now: you will not see it again.</strong> The server keeps only a hash of it. Treat it
        like a password: whoever has it acts as {owner ?? 'you'}
        {created.info.expiresAt ? (
          <>
            {' '}
            until <When iso={created.info.expiresAt} />, when it expires.
          </>
        ) : (
          ' until it is revoked (it does not expire).'
        )}
      </p>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        The new token
      </label>
      <div className="inline">
        <input
          id={`${id}-value`}
          ref={input}
          className="secret"
          readOnly
          value={created.token}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-warn`}
        />
        <button type="button" onClick={copy}>
          Copy<span className="visually-hidden"> the token</span>
        </button>
      </div>
      <p className="small" role="status">
        {copied}
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        Done, I have copied it
      </button>
    </section>
  );
}

/** A token's name and expiry: a form that creates one (for `userId` when an admin gives another user one). */
export function CreateTokenForm({
  userId,
  label,
  onCreated,
}: {
  userId?: string;
  label: string;
  onCreated: (created: CreatedToken) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      onCreated(await api.createToken(name.trim(), userId, expiresInDays(expiry)));
      setName('');
      setExpiry(DEFAULT_EXPIRY);
    });
  }
  return (
    <form className="form" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Token name</label>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={200}
          autoComplete="off"
          placeholder="laptop, ci…"
          aria-describedby={`${id}-hint`}
          onChange={(e) => setName(e.target.value)}
        />
        <p className="hint" id={`${id}-hint`}>
          What it is for, to recognise it later. Revoke the ones no longer used.
        </p>
      </div>
      <ExpirySelect id={`${id}-expiry`} value={expiry} onChange={setExpiry} />
      <button type="submit" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
      {error && <ProblemMessage error={error} title="No token was created:" />}
    </form>
  );
}

/**
 * Tokens, active ones first, with their dates, expiry ("expired" ones marked, and kept until revoked)
 * and a Revoke button (asks first).
 */
export function TokenList({
  tokens,
  owner,
  onRevoked,
}: {
  tokens: readonly TokenInfo[];
  owner?: string;
  onRevoked: (info: TokenInfo) => void;
}) {
  const { busy, running, error, run } = useAction();
  const now = Date.now();
  const active = tokens.filter((t) => !t.revokedAt);
  const revoked = tokens.filter((t) => t.revokedAt);
  async function revoke(info: TokenInfo) {
    const current = isCurrent(info);
    const question = current
      ? `Revoke “${info.name}”? This console is signed in with it: you will be signed out.`
      : `Revoke “${info.name}”${owner ? ` of ${owner}` : ''}? Anything using it stops working at once.`;
    if (!window.confirm(question)) return;
    await run(
      async () => {
        await api.revokeToken(info.id);
        onRevoked(info);
      },
      { name: info.id },
    );
  }
  return (
    <>
      {active.length === 0 && <p className="muted">No active tokens.</p>}
      <ul className="tokens">
        {active.map((t) => (
          <li key={t.id} className="token">
            <div>
              <strong>{t.name}</strong> <code>{t.prefix}…</code>
              {isCurrent(t) && <span className="badge ok">this console</span>}
              {isExpired(t.expiresAt, now) && <span className="badge bad">expired</span>}
              <p className="muted small">
                Created <When iso={t.createdAt} /> · {t.lastUsedAt ? 'last used ' : 'never used'}
                {t.lastUsedAt && <When iso={t.lastUsedAt} />} ·{' '}
                {isExpired(t.expiresAt, now) ? (
                  <>
                    expired <When iso={t.expiresAt ?? ''} />
                  </>
                ) : (
                  <Expiry iso={t.expiresAt} />
                )}
              </p>
            </div>
            <button type="button" className="danger small" disabled={busy} onClick={() => revoke(t)}>
              {running === t.id ? 'Revoking…' : 'Revoke'}
              <span className="visually-hidden"> {t.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && <ProblemMessage error={error} title="Not revoked:" />}
      {revoked.length > 0 && (
        <details className="revoked">
          <summary>Revoked tokens ({revoked.length})</summary>
          <ul className="tokens">
            {revoked.map((t) => (
              <li key={t.id} className="token">
                <div>
                  <span>{t.name}</span> <code>{t.prefix}…</code>
                  <p className="muted small">
                    Created <When iso={t.createdAt} /> · revoked <When iso={t.revokedAt ?? ''} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
