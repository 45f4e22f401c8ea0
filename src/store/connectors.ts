import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { FlowportError } from '../errors.ts';
import { isoNow, optional, type StoreContext } from './context.ts';
import type { Database } from './schema.ts';
import type { ConnectorInfo, ConnectorVersion, StoredFile, ValidationSummary } from './types.ts';

type ConnectorRow = Database['connectors'];
type VersionRow = Database['connector_versions'];

export interface ConnectorInput {
  readonly id: string;
  readonly title: string;
  readonly files: readonly StoredFile[];
  readonly validation: ValidationSummary;
  readonly sourcePath?: string;
  readonly createdBy?: string;
}

/**
 * SHA-256 over the files sorted by name, each as its name's length, name, size and bytes, so that
 * neither the order nor a shifted boundary between name and content changes or collides the digest.
 */
export function digestFiles(files: readonly StoredFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => compare(a.name, b.name))) {
    const name = Buffer.from(file.name, 'utf8');
    const header = Buffer.alloc(12);
    header.writeUInt32BE(name.length, 0);
    header.writeBigUInt64BE(BigInt(file.bytes.byteLength), 4);
    hash.update(header).update(name).update(file.bytes);
  }
  return hash.digest('hex');
}

export async function putConnector(
  ctx: StoreContext,
  input: ConnectorInput,
): Promise<{ info: ConnectorInfo; version: ConnectorVersion; created: boolean }> {
  const names = new Set<string>();
  for (const file of input.files) {
    if (names.has(file.name)) {
      throw new FlowportError('CONFLICT', `Connector \`${input.id}\` has two files named \`${file.name}\`.`);
    }
    names.add(file.name);
  }
  const digest = digestFiles(input.files);
  return ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx);
    await trx
      .insertInto('connectors')
      .values({
        id: input.id,
        title: input.title,
        latest_version: 0,
        source_path: input.sourcePath ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const connector = await trx
      .selectFrom('connectors')
      .selectAll()
      .where('id', '=', input.id)
      .$if(ctx.engine.lockRows, (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    const latest = Number(connector.latest_version);
    const latestRow =
      latest > 0
        ? await trx
            .selectFrom('connector_versions')
            .selectAll()
            .where('connector_id', '=', input.id)
            .where('version', '=', latest)
            .executeTakeFirst()
        : undefined;
    const sourcePath = input.sourcePath ?? connector.source_path;
    if (latestRow && latestRow.digest === digest) {
      let row = connector;
      if (connector.title !== input.title || connector.source_path !== sourcePath) {
        row = { ...connector, title: input.title, source_path: sourcePath, updated_at: now };
        await trx
          .updateTable('connectors')
          .set({ title: row.title, source_path: row.source_path, updated_at: now })
          .where('id', '=', input.id)
          .execute();
      }
      return { info: toInfo(row), version: await loadVersion(trx, latestRow), created: false };
    }
    const version: VersionRow = {
      connector_id: input.id,
      version: latest + 1,
      digest,
      validation: JSON.stringify(input.validation),
      created_by: input.createdBy ?? null,
      created_at: now,
    };
    await trx.insertInto('connector_versions').values(version).execute();
    if (input.files.length > 0) {
      await trx
        .insertInto('connector_files')
        .values(
          input.files.map((file) => ({
            connector_id: input.id,
            version: version.version,
            name: file.name,
            bytes: file.bytes,
          })),
        )
        .execute();
    }
    const row: ConnectorRow = {
      ...connector,
      title: input.title,
      source_path: sourcePath,
      latest_version: version.version,
      updated_at: now,
    };
    await trx
      .updateTable('connectors')
      .set({
        title: row.title,
        source_path: row.source_path,
        latest_version: row.latest_version,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute();
    return { info: toInfo(row), version: toVersion(version, sortFiles(input.files)), created: true };
  });
}

export async function getConnector(ctx: StoreContext, id: string): Promise<ConnectorInfo | undefined> {
  const row = await ctx.db
    .selectFrom('connectors')
    .selectAll()
    .where('id', '=', id)
    .where('latest_version', '>', 0)
    .executeTakeFirst();
  return row && toInfo(row);
}

export async function listConnectors(ctx: StoreContext): Promise<ConnectorInfo[]> {
  const rows = await ctx.db
    .selectFrom('connectors')
    .selectAll()
    .where('latest_version', '>', 0)
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

export async function getConnectorVersion(
  ctx: StoreContext,
  id: string,
  version: number | undefined,
): Promise<ConnectorVersion | undefined> {
  let query = ctx.db
    .selectFrom('connector_versions')
    .selectAll('connector_versions')
    .where('connector_id', '=', id);
  if (version === undefined) {
    query = query.where((eb) =>
      eb(
        'version',
        '=',
        eb.selectFrom('connectors').select('latest_version').where('connectors.id', '=', id),
      ),
    );
  } else {
    query = query.where('version', '=', version);
  }
  const row = await query.executeTakeFirst();
  return row && loadVersion(ctx.db, row);
}

/** Oldest first. */
export async function listConnectorVersions(
  ctx: StoreContext,
  id: string,
): Promise<Omit<ConnectorVersion, 'files'>[]> {
  const rows = await ctx.db
    .selectFrom('connector_versions')
    .selectAll()
    .where('connector_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((row) => {
    const { files: _, ...rest } = toVersion(row, []);
    return rest;
  });
}

/** Deletes the connector with its versions; refused while connections use it. */
export async function deleteConnector(ctx: StoreContext, id: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('connections')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('connector_id', '=', id)
      .executeTakeFirstOrThrow();
    const count = Number(used.count);
    if (count > 0) {
      throw new FlowportError(
        'CONFLICT',
        `Connector \`${id}\` has ${count} connection${count === 1 ? '' : 's'}; delete them before the connector.`,
      );
    }
    const result = await trx.deleteFrom('connectors').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

async function loadVersion(
  db: StoreContext['db'] | Transaction<Database>,
  row: VersionRow,
): Promise<ConnectorVersion> {
  const files = await db
    .selectFrom('connector_files')
    .select(['name', 'bytes'])
    .where('connector_id', '=', row.connector_id)
    .where('version', '=', row.version)
    .execute();
  return toVersion(row, sortFiles(files.map((file) => ({ name: file.name, bytes: plainBytes(file.bytes) }))));
}

function toInfo(row: ConnectorRow): ConnectorInfo {
  return {
    id: row.id,
    title: row.title,
    latestVersion: Number(row.latest_version),
    sourcePath: optional(row.source_path),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersion(row: VersionRow, files: readonly StoredFile[]): ConnectorVersion {
  return {
    connectorId: row.connector_id,
    version: Number(row.version),
    files,
    validation: JSON.parse(row.validation) as ValidationSummary,
    digest: row.digest,
    createdBy: optional(row.created_by),
    createdAt: row.created_at,
  };
}

function sortFiles(files: readonly StoredFile[]): StoredFile[] {
  return [...files].sort((a, b) => compare(a.name, b.name));
}

/** `pg` returns a Buffer; callers get a plain Uint8Array from both engines. */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
