import type { Migration } from '../migrate.ts';

/** `users.disabled_at`: an admin can disable a user; their tokens stop working until enabled again. */
export const migration: Migration = {
  version: 3,
  name: 'user-disabled',
  async up(trx) {
    await trx.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  },
};
