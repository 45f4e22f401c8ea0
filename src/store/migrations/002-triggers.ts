import { sql } from 'kysely';
import type { Migration } from '../migrate.ts';

/**
 * Trigger subscriptions and their events. Times the scheduler compares (`next_poll_at`,
 * `next_attempt_at`, leases) are epoch milliseconds; the rest is ISO 8601 text as elsewhere.
 */
export const migration: Migration = {
  version: 2,
  name: 'triggers',
  async up(trx, engine) {
    const schema = trx.schema;
    await schema
      .createTable('trigger_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('connection_id', 'text', (c) => c.notNull().references('connections.id').onDelete('cascade'))
      .addColumn('connector_id', 'text', (c) => c.notNull())
      .addColumn('operation_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('webhook', 'polling', 'callback')`))
      .addColumn('arguments', 'text', (c) => c.notNull())
      .addColumn('callback_hash', 'text')
      .addColumn('delivery_id_header', 'text')
      .addColumn('sink_url', 'text')
      .addColumn('signing_secret', 'text')
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      .addColumn('backfill', 'integer', (c) => c.notNull())
      .addColumn('state', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'stopped', 'error')`))
      .addColumn('status_reason', 'text')
      .addColumn('next_poll_at', 'bigint')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await schema
      .createIndex('trigger_subscriptions_due')
      .on('trigger_subscriptions')
      .columns(['status', 'next_poll_at'])
      .execute();
    await schema
      .createIndex('trigger_subscriptions_owner')
      .on('trigger_subscriptions')
      .columns(['owner_id', 'connection_id'])
      .execute();

    await schema
      .createTable('trigger_events')
      .addColumn('seq', engine.name === 'postgres' ? 'bigint' : 'integer', (c) =>
        engine.name === 'postgres'
          ? c.primaryKey().generatedAlwaysAsIdentity()
          : c.primaryKey().autoIncrement(),
      )
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('subscription_id', 'text', (c) =>
        c.notNull().references('trigger_subscriptions.id').onDelete('cascade'),
      )
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text')
      .addColumn('delivery_status', 'text', (c) =>
        c.notNull().check(sql`delivery_status in ('none', 'pending', 'delivered', 'dead')`),
      )
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addUniqueConstraint('trigger_events_key', ['subscription_id', 'idempotency_key'])
      .execute();
    await schema
      .createIndex('trigger_events_due')
      .on('trigger_events')
      .columns(['delivery_status', 'next_attempt_at'])
      .execute();
    await schema
      .createIndex('trigger_events_subscription')
      .on('trigger_events')
      .columns(['subscription_id', 'seq'])
      .execute();
  },
};
