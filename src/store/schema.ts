import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Column names are snake_case; times are ISO 8601 text (UTC, so they
 * sort as text) except `oauth_states.expires_at` (epoch milliseconds). Postgres returns `bigint` as a
 * string, hence `number | string` where a column is `bigint`.
 */
export interface Database {
  flowport_migrations: { version: number; name: string; applied_at: string };
  flowport_meta: { key: string; value: string };
  users: { id: string; name: string; role: string; created_at: string; disabled_at: string | null };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    prefix: string;
    /** SHA-256 of the token, hex. */
    hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
    /** Migration 4; null: the token never expires. */
    expires_at: string | null;
  };
  connectors: {
    id: string;
    title: string;
    latest_version: number;
    source_path: string | null;
    created_at: string;
    updated_at: string;
  };
  connector_versions: {
    connector_id: string;
    version: number;
    digest: string;
    /** JSON of a `ValidationSummary`. */
    validation: string;
    created_by: string | null;
    created_at: string;
  };
  connector_files: { connector_id: string; version: number; name: string; bytes: Uint8Array };
  connections: {
    id: string;
    owner_id: string;
    connector_id: string;
    name: string;
    parameter_set: string | null;
    /** JSON object of the non-secret values. */
    parameter_values: string;
    /** JSON array of the names of the secrets set (in clear: names are not secret). */
    secret_names: string;
    /** Sealed JSON object of the secret values, or null when there are none. */
    secrets: string | null;
    status: string;
    status_reason: string | null;
    /** Sealed JSON of `OAuthTokens`, or null. */
    tokens: string | null;
    token_expires_at: string | null;
    created_at: string;
    updated_at: string;
  };
  oauth_states: {
    /** SHA-256 of the state, hex: the state itself is a bearer value until used. */
    state_hash: string;
    connection_id: string;
    user_id: string;
    /** Sealed PKCE verifier. */
    code_verifier: string;
    redirect_uri: string;
    return_to: string | null;
    expires_at: number | string;
    created_at: string;
  };
  trigger_subscriptions: {
    id: string;
    owner_id: string;
    connection_id: string;
    connector_id: string;
    operation_id: string;
    kind: string;
    /** JSON of the trigger's `Arguments`. */
    arguments: string;
    /** SHA-256 (hex) of the callback URL's secret; webhooks only. */
    callback_hash: string | null;
    /** The request header with the sender's delivery id (webhooks), for idempotency keys. */
    delivery_id_header: string | null;
    sink_url: string | null;
    /** Sealed HMAC key of the deliveries to `sink_url`. */
    signing_secret: string | null;
    interval_seconds: number;
    /** 0 or 1. */
    backfill: number;
    /** JSON: the webhook `Subscription` or the `PollState`. */
    state: string | null;
    status: string;
    status_reason: string | null;
    /** Epoch milliseconds. */
    next_poll_at: number | string | null;
    lease_owner: string | null;
    lease_until: number | string | null;
    created_at: string;
    updated_at: string;
  };
  trigger_events: {
    seq: Generated<number | string>;
    id: string;
    subscription_id: string;
    idempotency_key: string;
    received_at: string;
    /** JSON object. */
    headers: string;
    /** JSON. */
    body: string;
    /** JSON array of what the trigger engine noticed (a payload that does not match its schema). */
    warnings: string | null;
    delivery_status: string;
    attempts: number;
    next_attempt_at: number | string | null;
    lease_owner: string | null;
    lease_until: number | string | null;
    last_status: number | null;
    last_error: string | null;
    delivered_at: string | null;
  };
}

/** The sealed columns, with the id column their associated data names. */
export const SEALED_COLUMNS = [
  { table: 'connections', column: 'secrets', id: 'id' },
  { table: 'connections', column: 'tokens', id: 'id' },
  { table: 'oauth_states', column: 'code_verifier', id: 'state_hash' },
  { table: 'flowport_meta', column: 'value', id: 'key' },
  { table: 'trigger_subscriptions', column: 'signing_secret', id: 'id' },
] as const;

/** The associated data of a sealed column value: `table.column:rowId`. */
export function sealContext(table: string, column: string, rowId: string): string {
  return `${table}.${column}:${rowId}`;
}
