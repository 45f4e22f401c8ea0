import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { CreatedToken } from '../api/types.ts';
import { Async, PageTitle } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { CreateTokenForm, NewToken, TokenList } from './token-parts.tsx';

/** The signed-in user's API tokens: list, create (shown once), revoke. */
export function TokensPage() {
  const [loaded, reload] = useLoad((signal) => api.tokens(undefined, signal), []);
  const [created, setCreated] = useState<CreatedToken | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const newHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <PageTitle sub="Tokens let scripts, the CLI and this console call the API as you.">
        API tokens
      </PageTitle>
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      <div className="two-columns">
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">Your tokens</h2>
          <Async loaded={loaded} what="your tokens">
            {({ tokens }) => (
              <TokenList
                tokens={tokens}
                onRevoked={(info) => {
                  setMessage(`Revoked “${info.name}”.`);
                  reload();
                }}
              />
            )}
          </Async>
        </section>
        <section aria-labelledby="new-token-heading">
          <h2 id="new-token-heading" tabIndex={-1} ref={newHeading}>
            New token
          </h2>
          {created ? (
            <NewToken
              created={created}
              onDone={() => {
                setCreated(undefined);
                setMessage(undefined);
                newHeading.current?.focus();
              }}
            />
          ) : (
            <CreateTokenForm
              label="Create a token"
              onCreated={(c) => {
                setCreated(c);
                setMessage(undefined);
                reload();
              }}
            />
          )}
        </section>
      </div>
    </>
  );
}
