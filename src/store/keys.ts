import { FlowportError } from '../errors.ts';
import type { StoreContext } from './context.ts';
import { sealContext } from './schema.ts';
import { createSealer, type Sealer, sealedKeyId } from './seal.ts';

const KEY_CHECK = 'key_check';
const KEY_CHECK_TEXT = 'flowport';

/**
 * Whether the store's key is the one the database was sealed with, by opening a marker sealed on
 * first start: a wrong key is an error at start, not at the first secret read. Also returns the key
 * id the database was sealed with.
 */
export async function checkKey(
  ctx: StoreContext,
): Promise<{ matches: boolean; databaseKeyId: string | undefined }> {
  const context = sealContext('flowport_meta', 'value', KEY_CHECK);
  await ctx.db
    .insertInto('flowport_meta')
    .values({ key: KEY_CHECK, value: ctx.sealer.seal(KEY_CHECK_TEXT, context) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Another process may have inserted its marker first: read back whichever is there.
  const row = await ctx.db
    .selectFrom('flowport_meta')
    .select('value')
    .where('key', '=', KEY_CHECK)
    .executeTakeFirstOrThrow();
  return { matches: opens(ctx.sealer, row.value, context), databaseKeyId: sealedKeyId(row.value) };
}

/** Re-seals every sealed value with `newKey` in one transaction; the context switches to it after the commit. */
export async function rotateKey(ctx: StoreContext, newKey: Uint8Array): Promise<number> {
  const next = createSealer(newKey);
  const old = ctx.sealer;
  const reseal = (value: string, context: string) => next.seal(old.open(value, context), context);
  const count = await ctx.db.transaction().execute(async (trx) => {
    let count = 0;
    const connections = await trx
      .selectFrom('connections')
      .select(['id', 'secrets', 'tokens'])
      .where((eb) => eb.or([eb('secrets', 'is not', null), eb('tokens', 'is not', null)]))
      .$if(ctx.engine.lockRows, (q) => q.forUpdate())
      .execute();
    for (const row of connections) {
      const secrets =
        row.secrets === null ? null : reseal(row.secrets, sealContext('connections', 'secrets', row.id));
      const tokens =
        row.tokens === null ? null : reseal(row.tokens, sealContext('connections', 'tokens', row.id));
      count += (secrets === null ? 0 : 1) + (tokens === null ? 0 : 1);
      await trx.updateTable('connections').set({ secrets, tokens }).where('id', '=', row.id).execute();
    }
    const states = await trx
      .selectFrom('oauth_states')
      .select(['state_hash', 'code_verifier'])
      .$if(ctx.engine.lockRows, (q) => q.forUpdate())
      .execute();
    for (const row of states) {
      const context = sealContext('oauth_states', 'code_verifier', row.state_hash);
      await trx
        .updateTable('oauth_states')
        .set({ code_verifier: reseal(row.code_verifier, context) })
        .where('state_hash', '=', row.state_hash)
        .execute();
      count += 1;
    }
    const subscriptions = await trx
      .selectFrom('trigger_subscriptions')
      .select(['id', 'signing_secret'])
      .where('signing_secret', 'is not', null)
      .$if(ctx.engine.lockRows, (q) => q.forUpdate())
      .execute();
    for (const row of subscriptions) {
      const context = sealContext('trigger_subscriptions', 'signing_secret', row.id);
      await trx
        .updateTable('trigger_subscriptions')
        .set({ signing_secret: reseal(row.signing_secret as string, context) })
        .where('id', '=', row.id)
        .execute();
      count += 1;
    }
    const marker = sealContext('flowport_meta', 'value', KEY_CHECK);
    await trx
      .insertInto('flowport_meta')
      .values({ key: KEY_CHECK, value: next.seal(KEY_CHECK_TEXT, marker) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: next.seal(KEY_CHECK_TEXT, marker) }))
      .execute();
    return count;
  });
  ctx.sealer = next;
  return count;
}

function opens(sealer: Sealer, value: string, context: string): boolean {
  try {
    return sealer.open(value, context) === KEY_CHECK_TEXT;
  } catch (error) {
    if (error instanceof FlowportError) return false;
    throw error;
  }
}
