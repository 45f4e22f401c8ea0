import { createHash } from 'node:crypto';
import { isoNow, optional, type StoreContext } from './context.ts';
import { sealContext } from './schema.ts';
import type { OAuthState } from './types.ts';

/** The state is stored only as its SHA-256 (hex): a database reader cannot finish someone's consent. */
export function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/** Stores a pending consent (its PKCE verifier sealed) and drops the expired ones. */
export async function putOAuthState(ctx: StoreContext, state: OAuthState): Promise<void> {
  const stateHash = hashState(state.state);
  await ctx.db.deleteFrom('oauth_states').where('expires_at', '<=', ctx.now()).execute();
  await ctx.db
    .insertInto('oauth_states')
    .values({
      state_hash: stateHash,
      connection_id: state.connectionId,
      user_id: state.userId,
      code_verifier: ctx.sealer.seal(
        state.codeVerifier,
        sealContext('oauth_states', 'code_verifier', stateHash),
      ),
      redirect_uri: state.redirectUri,
      return_to: state.returnTo ?? null,
      expires_at: state.expiresAt,
      created_at: isoNow(ctx),
    })
    .execute();
}

/** Deletes and returns the state in one statement, so two callbacks with one state cannot both win. */
export async function takeOAuthState(ctx: StoreContext, state: string): Promise<OAuthState | undefined> {
  const stateHash = hashState(state);
  const row = await ctx.db
    .deleteFrom('oauth_states')
    .where('state_hash', '=', stateHash)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  const expiresAt = Number(row.expires_at);
  if (expiresAt <= ctx.now()) return undefined;
  return {
    state,
    connectionId: row.connection_id,
    userId: row.user_id,
    codeVerifier: ctx.sealer.open(row.code_verifier, sealContext('oauth_states', 'code_verifier', stateHash)),
    redirectUri: row.redirect_uri,
    returnTo: optional(row.return_to),
    expiresAt,
  };
}
