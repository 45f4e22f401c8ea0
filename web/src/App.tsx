import { type FormEvent, lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation, useRoute } from 'wouter';
import { ApiError, api, onSignedOut } from './api/client.ts';
import { clearToken, getToken, setToken } from './api/token.ts';
import type { User } from './api/types.ts';
import { PageTitle, ProblemMessage, titleTakesFocus } from './components/common.tsx';
import { useAction } from './components/use-action.ts';
import { GalleryPage } from './pages/GalleryPage.tsx';

// The gallery comes with the first script; the other pages load when first opened.
const ConnectionsPage = lazy(() =>
  import('./pages/ConnectionsPage.tsx').then((m) => ({ default: m.ConnectionsPage })),
);
const ConnectorPage = lazy(() =>
  import('./pages/ConnectorPage.tsx').then((m) => ({ default: m.ConnectorPage })),
);
const OperationPage = lazy(() =>
  import('./pages/OperationPage.tsx').then((m) => ({ default: m.OperationPage })),
);
const TriggersPage = lazy(() =>
  import('./pages/TriggersPage.tsx').then((m) => ({ default: m.TriggersPage })),
);
const TokensPage = lazy(() => import('./pages/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const ValidationPage = lazy(() =>
  import('./pages/ValidationPage.tsx').then((m) => ({ default: m.ValidationPage })),
);
const VersionsPage = lazy(() =>
  import('./pages/VersionsPage.tsx').then((m) => ({ default: m.VersionsPage })),
);
const VersionChangesPage = lazy(() =>
  import('./pages/VersionChangesPage.tsx').then((m) => ({ default: m.VersionChangesPage })),
);

function NavLink({ href, children }: { href: string; children: string }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*?`);
  const active = href === '/' ? exact : nested;
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [value, setValue] = useState('');
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setToken(value);
    await run(async () => onSignedIn(await api.me()), {
      onError: (e) => {
        clearToken();
        return e instanceof ApiError && e.status === 401
          ? new Error('This token is not valid on this server (unknown, revoked or expired).')
          : e;
      },
    });
  }
  return (
    <main id="main" className="sign-in">
      <PageTitle sub="Paste an API token of this server. It is kept for this browser tab only.">
        Sign in to flowport
      </PageTitle>
      <form onSubmit={submit} className="card form">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="fp_…"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className="hint">
          <code>npm start</code> prints a link that signs you in; <code>flowport token create</code> makes a
          token.
        </p>
        <button type="submit" disabled={busy || value.trim() === ''}>
          Sign in
        </button>
        {error && <ProblemMessage error={error} />}
      </form>
    </main>
  );
}

/** Moves focus to the new page's title after each navigation (not on the first load). */
function FocusOnNavigation() {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    titleTakesFocus();
  }, [location]);
  return null;
}

export function App() {
  // With a token the pages render at once, their API calls in parallel with the check of the token;
  // a 401 from any call (onSignedOut) shows the sign-in form instead.
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  const [user, setUser] = useState<User | undefined>();
  const [error, setError] = useState<Error | undefined>();

  useEffect(
    () =>
      onSignedOut(() => {
        setSignedIn(false);
        setUser(undefined);
      }),
    [],
  );
  useEffect(() => {
    if (!signedIn || user) return;
    const controller = new AbortController();
    api.me(controller.signal).then(setUser, (e: Error) => {
      if (!controller.signal.aborted && !(e instanceof ApiError && e.status === 401)) setError(e);
    });
    return () => controller.abort();
  }, [signedIn, user]);

  return (
    <Router base="/console">
      <FocusOnNavigation />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          flowport
        </Link>
        {signedIn && (
          <nav aria-label="Main">
            <NavLink href="/">Connectors</NavLink>
            <NavLink href="/connections">Connections</NavLink>
            <NavLink href="/triggers">Triggers</NavLink>
            <NavLink href="/tokens">API tokens</NavLink>
            {user?.role === 'admin' && <NavLink href="/users">Users</NavLink>}
          </nav>
        )}
        {signedIn && (
          <div className="who">
            {user && (
              <span>
                {user.name} <span className="muted">({user.role})</span>
              </span>
            )}
            <button
              type="button"
              className="link"
              onClick={() => {
                clearToken();
                setSignedIn(false);
                setUser(undefined);
              }}
            >
              Sign out
            </button>
          </div>
        )}
      </header>
      {!signedIn ? (
        <SignIn
          onSignedIn={(u) => {
            setUser(u);
            setSignedIn(true);
          }}
        />
      ) : (
        <main id="main">
          {error && <ProblemMessage error={error} title="The server did not answer:" />}
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            <Switch>
              <Route path="/">{() => <GalleryPage user={user} />}</Route>
              <Route path="/connectors/:id">{(p) => <ConnectorPage id={p.id} />}</Route>
              <Route path="/connectors/:id/validation">
                {(p) => <ValidationPage id={p.id} user={user} />}
              </Route>
              <Route path="/connectors/:id/versions">{(p) => <VersionsPage id={p.id} />}</Route>
              <Route path="/connectors/:id/versions/:version/changes">
                {(p) => <VersionChangesPage id={p.id} version={Number(p.version)} />}
              </Route>
              <Route path="/connectors/:id/operations/:op">
                {(p) => <OperationPage id={p.id} operationId={p.op} user={user} />}
              </Route>
              <Route path="/connections" component={ConnectionsPage} />
              <Route path="/triggers" component={TriggersPage} />
              <Route path="/tokens" component={TokensPage} />
              <Route path="/users">{() => <UsersPage user={user} onMeChanged={setUser} />}</Route>
              <Route>
                <PageTitle>Page not found</PageTitle>
                <p>
                  <Link href="/">Back to the connectors</Link>
                </p>
              </Route>
            </Switch>
          </Suspense>
        </main>
      )}
    </Router>
  );
}
