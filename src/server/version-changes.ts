/**
 * What one stored version of a connector changes for flows built on another (by default the one
 * before it): `flowport breaking` between two versions in the store, and the JSON the API gives of it.
 */
import type { BreakingResult } from '../breaking/change.ts';
import { FlowportError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import type { ConnectorValidator } from '../validate/background.ts';
import { notFound } from './errors.ts';

/** Changes listed in an answer at most; the summary counts them all. */
export const MAX_CHANGES = 500;

export interface VersionChanges {
  readonly connectorId: string;
  /** The version compared against (the older one, usually). */
  readonly from: number;
  /** The version whose changes these are. */
  readonly to: number;
  readonly result: BreakingResult;
}

/**
 * Compares version `to` of a connector with version `from` (default: `to - 1`). Unknown connectors
 * and versions are `NOT_FOUND`; the first version without `from` is `NOT_FOUND` too, saying why. The
 * comparison is the validator's work (a worker thread's, in a server: a large connector takes 0.2 s).
 */
export async function versionChanges(
  store: Store,
  validator: ConnectorValidator,
  id: string,
  to: number,
  from: number = to - 1,
): Promise<VersionChanges> {
  if (!(await store.getConnector(id))) throw notFound('connector', id);
  if (from < 1) {
    throw new FlowportError(
      'NOT_FOUND',
      `Version ${to} is the first version of \`${id}\`: nothing comes before it. Pass \`?from=<version>\` to compare it with a later one.`,
    );
  }
  const [newer, older] = await Promise.all([
    store.getConnectorVersion(id, to),
    store.getConnectorVersion(id, from),
  ]);
  for (const [v, found] of [
    [to, newer],
    [from, older],
  ] as const) {
    if (!found) {
      throw new FlowportError(
        'NOT_FOUND',
        `Connector \`${id}\` has no version ${v}; \`GET /api/v1/connectors/${id}/versions\` lists them.`,
      );
    }
  }
  const result = await validator.compare(
    { files: older?.files ?? [], source: `${id} version ${from}` },
    { files: newer?.files ?? [], source: `${id} version ${to}` },
  );
  return { connectorId: id, from, to, result };
}

/**
 * A comparison as the API shows it: counts, minor or major update with the places that decide it,
 * and at most `max` changes, without fix texts (docs/breaking-changes.md has them, per kind).
 */
export function breakingJson(result: BreakingResult, max = MAX_CHANGES) {
  return {
    summary: result.summary,
    update: result.update.kind,
    differences: result.update.differences.map(({ file, pointer, minor }) => ({
      file,
      ...(pointer !== undefined && { pointer }),
      minor,
    })),
    changes: result.changes
      .slice(0, max)
      .map(({ kind, severity, message, detail, path, version, line, column }) => ({
        kind,
        severity,
        message,
        detail,
        path,
        version,
        line,
        column,
      })),
  };
}

/** The JSON schema of {@link breakingJson}'s answer (OpenAPI of `/api/v1`). */
export const breakingSchema = {
  type: 'object',
  description:
    'What a version changes that would break flows built on an earlier one, as `flowport breaking` reports it (docs/breaking-changes.md), and whether certification would call it a minor or major update.',
  properties: {
    summary: {
      type: 'object',
      properties: { error: { type: 'integer' }, warning: { type: 'integer' }, info: { type: 'integer' } },
    },
    update: { type: 'string', enum: ['none', 'minor', 'major'] },
    differences: {
      type: 'array',
      description:
        'Every place the files differ (at most 50, the major ones first): the file kind, the JSON pointer in JSON files, and whether a minor update may change it.',
      items: {
        type: 'object',
        properties: {
          file: { type: 'string', description: 'File kind: `swagger`, `apiProperties`, `readme`, `icon`, …' },
          pointer: { type: 'string' },
          minor: { type: 'boolean' },
        },
      },
    },
    changes: {
      type: 'array',
      description: `At most ${MAX_CHANGES}.`,
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', description: 'Change kind id, e.g. `operation-deleted`.' },
          severity: { type: 'string', enum: ['error', 'warning', 'info'] },
          message: { type: 'string', description: "Microsoft's sentence for it." },
          detail: { type: 'string' },
          path: { type: 'string', description: "Microsoft's change path (`ValuePath`)." },
          version: { type: 'string', enum: ['old', 'new'], description: 'The version the position is in.' },
          line: { type: 'integer' },
          column: { type: 'integer' },
        },
      },
    },
  },
} as const;
