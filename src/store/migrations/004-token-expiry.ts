import type { Migration } from '../migrate.ts';

/** `api_tokens.expires_at`: a token may expire (ISO 8601; null: never), as GitHub's personal access tokens. */
export const migration: Migration = {
  version: 4,
  name: 'token-expiry',
  async up(trx) {
    await trx.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  },
};
