import { groupLosses, type LossItem } from './loss.ts';

/** Counts a conversion measures. */
export interface ConversionStats {
  /** Operations in the description (requests for a Postman collection, API calls for a recording). */
  readonly inputOperations: number;
  /** Set when the input is recorded calls (a HAR, cURL commands) rather than operations. */
  readonly recorded?: boolean;
  /** Operations of the connector converted from them (trigger skeletons not counted). */
  readonly keptOperations: number;
  /** Webhook trigger skeletons added for callbacks and webhooks. */
  readonly skeletons: number;
}

/** An error-level finding still left once converted: content the description could not supply. */
export interface Remaining {
  readonly rule: string;
  readonly count: number;
  readonly message: string;
}

export interface ReportInput {
  readonly source: string;
  readonly format: string;
  readonly stats: ConversionStats;
  readonly losses: readonly LossItem[];
  readonly remaining: readonly Remaining[];
  readonly preset: string;
  /** The connectors written instead of one when the description exceeds one connector's limits. */
  readonly parts?: readonly PartSummary[];
}

/** What the report says of one connector of a split. */
export interface PartSummary {
  readonly name: string;
  readonly tags: readonly string[];
  readonly operationIds: readonly string[];
  readonly bytes: number;
}

function splitSection(parts: readonly PartSummary[]): string[] {
  if (parts.length === 0) return [];
  const lines = [
    `## Split into ${parts.length} connectors`,
    '',
    'The description exceeds what one connector may hold (256 operations, a swagger under 1 MB). Each',
    'operation is filed under its first tag; tags, in alphabetical order, are packed into connectors that',
    'stay within both limits (a tag too large alone is cut into runs of its operations). Each folder is a',
    'connector of its own with the same connection parameters.',
    '',
    '| folder | operations | swagger bytes | tags |',
    '|---|---|---|---|',
  ];
  for (const p of parts)
    lines.push(`| \`${p.name}\` | ${p.operationIds.length} | ${p.bytes} | ${cell(p.tags.join(', '))} |`);
  lines.push('');
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `conversion-report.md`: every construct not carried over exactly, grouped by construct. */
export function renderReport(input: ReportInput): string {
  const { stats } = input;
  const lines = [
    '# Conversion report',
    '',
    `Converted \`${input.source}\` (${input.format}) with \`flowport init\`.`,
    '',
    '| | |',
    '|---|---|',
    stats.recorded
      ? `| API calls recorded | ${stats.inputOperations} |`
      : `| operations in the description | ${stats.inputOperations} |`,
    `| operations in the connector | ${stats.keptOperations} |`,
    `| webhook trigger skeletons added | ${stats.skeletons} |`,
    `| constructs not carried over exactly | ${input.losses.length} |`,
    `| errors left under \`${input.preset}\` | ${input.remaining.reduce((n, r) => n + r.count, 0)} |`,
    '',
    ...splitSection(input.parts ?? []),
  ];
  if (input.remaining.length > 0) {
    lines.push(
      '## Left for you',
      '',
      `What the description could not supply; \`flowport validate --preset ${input.preset}\` shows each place.`,
      '',
      '| rule | count | example |',
      '|---|---|---|',
    );
    for (const r of input.remaining) lines.push(`| \`${r.rule}\` | ${r.count} | ${cell(r.message)} |`);
    lines.push('');
  }
  lines.push('## Not carried over exactly', '');
  if (input.losses.length === 0) lines.push('Nothing: every construct was carried over.', '');
  for (const [construct, items] of groupLosses(input.losses)) {
    lines.push(`### ${construct} (${items.length})`, '', '| where (input) | what was done |', '|---|---|');
    for (const item of items) lines.push(`| \`${cell(item.pointer || '/')}\` | ${cell(item.action)} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A few lines for the terminal: counts per construct with one example each. */
export function summariseReport(input: ReportInput, limit = 12): string {
  const { stats } = input;
  const out = [
    `${
      stats.recorded
        ? `${stats.keptOperations} operations from ${stats.inputOperations} recorded API calls`
        : `${stats.keptOperations} of ${stats.inputOperations} operations converted`
    }${
      stats.skeletons > 0 ? `, ${stats.skeletons} webhook trigger skeleton(s) added` : ''
    }; ${input.losses.length} construct(s) not carried over exactly.`,
  ];
  const parts = input.parts ?? [];
  if (parts.length > 0) {
    out.push(`Over one connector's limits: split by tag into ${parts.length} connectors:`);
    for (const p of parts)
      out.push(`  ${p.name}: ${p.operationIds.length} operations, ${p.tags.length} tag(s), ${p.bytes} bytes`);
  }
  const groups = [...groupLosses(input.losses)];
  for (const [construct, items] of groups.slice(0, limit)) {
    const first = items[0];
    out.push(`  ${construct} ×${items.length}: ${first ? `${first.pointer || '/'} — ${first.action}` : ''}`);
  }
  if (groups.length > limit) out.push(`  … and ${groups.length - limit} more kinds`);
  if (input.remaining.length > 0) {
    out.push(`Left for you (errors under ${input.preset}):`);
    for (const r of input.remaining) out.push(`  ${r.rule} ×${r.count}: ${r.message}`);
  }
  return out.join('\n');
}

export interface PartReportInput {
  readonly source: string;
  readonly index: number;
  readonly count: number;
  readonly tags: readonly string[];
  readonly operations: number;
  readonly bytes: number;
  readonly remaining: readonly Remaining[];
  readonly preset: string;
}

/** `conversion-report.md` of one connector of a split: what it holds; the losses are in the parent's report. */
export function renderPartReport(input: PartReportInput): string {
  const lines = [
    '# Conversion report',
    '',
    `Connector ${input.index + 1} of ${input.count} converted from \`${input.source}\` with \`flowport init\`, which`,
    "split the description by tag because it exceeds one connector's limits. The constructs not carried",
    'over exactly are listed in `../conversion-report.md`.',
    '',
    `- operations: ${input.operations}`,
    `- swagger: ${input.bytes} bytes`,
    `- tags: ${input.tags.join(', ')}`,
    `- errors left under \`${input.preset}\`: ${input.remaining.reduce((n, r) => n + r.count, 0)}`,
    '',
  ];
  if (input.remaining.length > 0) {
    lines.push('## Left for you', '', '| rule | count | example |', '|---|---|---|');
    for (const r of input.remaining) lines.push(`| \`${r.rule}\` | ${r.count} | ${cell(r.message)} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
