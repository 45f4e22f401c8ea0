import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { CreatedToken, Role, User } from '../api/types.ts';
import { Async, PageTitle, ProblemMessage, plural } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';
import { DEFAULT_EXPIRY, expiresInDays } from './token-expiry.ts';
import { CreateTokenForm, ExpirySelect, NewToken, TokenList, When } from './token-parts.tsx';

const ROLES: readonly { value: Role; label: string }[] = [
  { value: 'maker', label: 'maker: connections and own tokens' },
  { value: 'admin', label: 'admin: also connectors, users and every token' },
];

function countLine(users: readonly User[]): string {
  const admins = users.filter((u) => u.role === 'admin' && !u.disabledAt).length;
  const disabled = users.filter((u) => u.disabledAt).length;
  return `${plural(users.length, 'user')}, ${plural(admins, 'enabled admin')}${disabled ? `, ${disabled} disabled` : ''}.`;
}

/** A new user with a first token, which the answer shows once. */
function CreateUser({ onCreated }: { onCreated: (user: User, first: CreatedToken) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('maker');
  const [tokenName, setTokenName] = useState('');
  const [expiry, setExpiry] = useState(DEFAULT_EXPIRY);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const days = expiresInDays(expiry);
    await run(async () => {
      const { user, token, tokenInfo } = await api.createUser({
        name: name.trim(),
        role,
        ...(tokenName.trim() && { tokenName: tokenName.trim() }),
        ...(days !== undefined && { tokenExpiresInDays: days }),
      });
      setName('');
      setTokenName('');
      setExpiry(DEFAULT_EXPIRY);
      onCreated(user, { token, info: tokenInfo });
    });
  }
  return (
    <form className="form" onSubmit={submit} aria-label="Create a user">
      <div className="field">
        <label htmlFor="user-name">Name</label>
        <input
          id="user-name"
          value={name}
          required
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="user-name-hint"
          onChange={(e) => setName(e.target.value)}
        />
        <p className="hint" id="user-name-hint">
          Unique on this server, e.g. <code>dana</code> or an e-mail address.
        </p>
      </div>
      <div className="field">
        <label htmlFor="user-role">Role</label>
        <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="user-token-name">Name of their first token (optional)</label>
        <input
          id="user-token-name"
          value={tokenName}
          maxLength={200}
          autoComplete="off"
          placeholder="first token"
          onChange={(e) => setTokenName(e.target.value)}
        />
      </div>
      <ExpirySelect
        id="user-token-expiry"
        label="Expiration of their first token"
        value={expiry}
        onChange={setExpiry}
      />
      <button type="submit" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create user'}
      </button>
      {error && <ProblemMessage error={error} title="The user was not created:" />}
    </form>
  );
}

/** One user's tokens, for an admin: list, revoke, give them a new one. */
function UserTokens({ user, onMessage }: { user: User; onMessage: (message: string) => void }) {
  const [loaded, reload] = useLoad((signal) => api.tokens(user.id, signal), [user.id]);
  const [created, setCreated] = useState<CreatedToken | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <div className="user-tokens">
      <h4 tabIndex={-1} ref={heading}>
        Tokens of {user.name}
      </h4>
      <Async loaded={loaded} what={`the tokens of ${user.name}`}>
        {({ tokens }) => (
          <TokenList
            tokens={tokens}
            owner={user.name}
            onRevoked={(info) => {
              onMessage(`Revoked “${info.name}” of ${user.name}.`);
              reload();
            }}
          />
        )}
      </Async>
      {created ? (
        <NewToken
          created={created}
          owner={user.name}
          heading="h5"
          onDone={() => {
            setCreated(undefined);
            heading.current?.focus();
          }}
        />
      ) : (
        <CreateTokenForm
          userId={user.id}
          label={`Create a token for ${user.name}`}
          onCreated={(c) => {
            setCreated(c);
            reload();
          }}
        />
      )}
    </div>
  );
}

function UserRow({
  user,
  me,
  onChanged,
  onMeChanged,
}: {
  user: User;
  me: User;
  onChanged: (message: string) => void;
  onMeChanged: (me: User) => void;
}) {
  const [role, setRole] = useState<Role>(user.role);
  const { busy, error, run } = useAction();
  const [open, setOpen] = useState(false);
  const self = user.id === me.id;
  async function setDisabled(disabled: boolean) {
    if (
      disabled &&
      !window.confirm(
        `Disable ${user.name}? Their API tokens stop working at once (they are kept: enabling ${user.name} again restores them).`,
      )
    )
      return;
    await run(async () => {
      const changed = await api.updateUser(user.id, { disabled });
      onChanged(`${changed.name} is ${changed.disabledAt ? 'disabled' : 'enabled again'}.`);
    });
  }
  const base = `user-${user.id}`;
  async function changeRole(event: FormEvent) {
    event.preventDefault();
    if (
      self &&
      role !== 'admin' &&
      !window.confirm('Make yourself a maker? You will lose access to this page and to imports.')
    )
      return;
    await run(
      async () => {
        const changed = await api.updateUser(user.id, { role });
        if (self) onMeChanged(changed);
        onChanged(`${changed.name} is now ${changed.role === 'admin' ? 'an admin' : 'a maker'}.`);
      },
      {
        onError: (e) => {
          setRole(user.role);
          return e;
        },
      },
    );
  }
  return (
    <li className="card" aria-labelledby={`${base}-name`}>
      <h3 id={`${base}-name`}>
        {user.name}
        <span className={`badge ${user.role === 'admin' ? 'ok' : 'neutral'}`}>{user.role}</span>
        {user.disabledAt && <span className="badge bad">disabled</span>}
        {self && <span className="muted small">(you)</span>}
      </h3>
      <p className="muted small">
        Created <When iso={user.createdAt} />
        {user.disabledAt && (
          <>
            {' '}
            · disabled <When iso={user.disabledAt} />
          </>
        )}{' '}
        · <code>{user.id}</code>
      </p>
      <form className="inline role-form" onSubmit={changeRole}>
        <label htmlFor={`${base}-role`} className="visually-hidden">
          Role of {user.name}
        </label>
        <select id={`${base}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="maker">maker</option>
          <option value="admin">admin</option>
        </select>
        <button type="submit" className="secondary" disabled={busy || role === user.role}>
          {busy ? 'Saving…' : 'Change role'}
          <span className="visually-hidden"> of {user.name}</span>
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={open}
          aria-controls={`${base}-tokens`}
          onClick={() => setOpen((o) => !o)}
        >
          Tokens<span className="visually-hidden"> of {user.name}</span>
        </button>
        {!self &&
          (user.disabledAt ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => setDisabled(false)}>
              Enable<span className="visually-hidden"> {user.name}</span>
            </button>
          ) : (
            <button type="button" className="danger" disabled={busy} onClick={() => setDisabled(true)}>
              Disable<span className="visually-hidden"> {user.name}</span>
            </button>
          ))}
      </form>
      {error && <ProblemMessage error={error} title="Not changed:" />}
      <div id={`${base}-tokens`}>{open && <UserTokens user={user} onMessage={onChanged} />}</div>
    </li>
  );
}

/** Admins: every user with their role and tokens; create users. Makers see why they cannot. */
export function UsersPage({
  user,
  onMeChanged,
}: {
  user: User | undefined;
  onMeChanged: (me: User) => void;
}) {
  if (!user)
    return (
      <p className="muted" role="status">
        Loading who you are…
      </p>
    );
  if (user.role !== 'admin')
    return (
      <>
        <PageTitle>Users</PageTitle>
        <div className="notice admins-only">
          <p>
            <strong>Admins only.</strong> You are signed in as {user.name}, a maker: only admins of this
            server list and create users. Ask one if you need an account for someone.
          </p>
          <p>
            Your own API tokens are on the <Link href="/tokens">API tokens</Link> page.
          </p>
        </div>
      </>
    );
  return <AdminUsers me={user} onMeChanged={onMeChanged} />;
}

function AdminUsers({ me, onMeChanged }: { me: User; onMeChanged: (me: User) => void }) {
  const [loaded, reload] = useLoad((signal) => api.users(signal), []);
  const [message, setMessage] = useState<string | undefined>();
  const [first, setFirst] = useState<{ user: User; token: CreatedToken } | undefined>();
  const newUserHeading = useRef<HTMLHeadingElement>(null);
  const changed = (m: string) => {
    setMessage(m);
    reload();
  };
  return (
    <>
      <PageTitle sub="Who can use this server, with which role and which API tokens.">Users</PageTitle>
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      <div className="two-columns">
        <section aria-labelledby="users-heading">
          <h2 id="users-heading">Everyone</h2>
          <Async loaded={loaded} what="the users">
            {({ users }) => (
              <>
                <p className="muted">{countLine(users)}</p>
                <ul className="users">
                  {users.map((u) => (
                    <UserRow
                      key={`${u.id}-${u.role}-${u.disabledAt ?? ''}`}
                      user={u}
                      me={me}
                      onChanged={changed}
                      onMeChanged={onMeChanged}
                    />
                  ))}
                </ul>
              </>
            )}
          </Async>
        </section>
        <section aria-labelledby="new-user-heading">
          <h2 id="new-user-heading" tabIndex={-1} ref={newUserHeading}>
            New user
          </h2>
          {first ? (
            <NewToken
              created={first.token}
              owner={first.user.name}
              onDone={() => {
                setFirst(undefined);
                setMessage(undefined);
                newUserHeading.current?.focus();
              }}
            />
          ) : (
            <CreateUser
              onCreated={(user, token) => {
                setFirst({ user, token });
                changed(
                  `Created ${user.name} (${user.role}). Their first token is shown once, under “New user”.`,
                );
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}
