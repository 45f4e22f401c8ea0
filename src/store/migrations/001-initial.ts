import { sql } from 'kysely';
import type { Migration } from '../migrate.ts';

/** Users, API tokens, connectors with their versions and files, connections, OAuth states, meta. */
export const migration: Migration = {
  version: 1,
  name: 'initial',
  async up(trx, engine) {
    const schema = trx.schema;
    await schema
      .createTable('flowport_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'maker')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await schema.createIndex('api_tokens_prefix').on('api_tokens').column('prefix').execute();
    await schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

    await schema
      .createTable('connectors')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('latest_version', 'integer', (c) => c.notNull())
      .addColumn('source_path', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await schema
      .createTable('connector_versions')
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('validation', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_versions_pk', ['connector_id', 'version'])
      .execute();

    await schema
      .createTable('connector_files')
      .addColumn('connector_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('bytes', engine.bytesType, (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_files_pk', ['connector_id', 'version', 'name'])
      .addForeignKeyConstraint(
        'connector_files_version_fk',
        ['connector_id', 'version'],
        'connector_versions',
        ['connector_id', 'version'],
        (c) => c.onDelete('cascade'),
      )
      .execute();

    await schema
      .createTable('connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull().references('connectors.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parameter_set', 'text')
      .addColumn('parameter_values', 'text', (c) => c.notNull())
      .addColumn('secret_names', 'text', (c) => c.notNull())
      .addColumn('secrets', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('connected', 'unauthenticated', 'error')`),
      )
      .addColumn('status_reason', 'text')
      .addColumn('tokens', 'text')
      .addColumn('token_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await schema
      .createIndex('connections_owner')
      .on('connections')
      .columns(['owner_id', 'connector_id'])
      .execute();
    await schema.createIndex('connections_connector').on('connections').column('connector_id').execute();

    await schema
      .createTable('oauth_states')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text')
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await schema.createIndex('oauth_states_expires').on('oauth_states').column('expires_at').execute();
  },
};
