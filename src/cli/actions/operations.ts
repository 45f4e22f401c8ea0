import pc from 'picocolors';
import type { Connector, Operation, Parameter } from '../../connector/model.ts';
import { describeConnectionParameters } from '../../runtime/connection/parameters.ts';
import { operationsView, visibleOperations } from '../../runtime/operations-view.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { loadOverlaid } from '../overlay-flag.ts';

export interface OperationsFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  format: 'text' | 'json';
  all: boolean;
  color?: boolean;
}

const KIND_TITLES: ReadonlyArray<[Operation['kind'], string]> = [
  ['action', 'Actions'],
  ['callback-action', 'Actions that wait for a callback'],
  ['webhook-trigger', 'Webhook triggers'],
  ['polling-trigger', 'Polling triggers'],
];

function label(p: Parameter): string {
  return p.summary ?? p.name;
}

function renderText(connector: Connector, flags: OperationsFlags, color: boolean): string {
  const c = color ? pc : pc.createColors(false);
  const out: string[] = [];
  const title = connector.definition.info.title ?? connector.source;
  const ops = visibleOperations(connector, flags.all);
  const hidden = connector.operations.length - ops.length;
  out.push(
    c.bold(
      `${title} — ${ops.length} operations${hidden ? ` (${hidden} internal or deprecated hidden; --all shows them)` : ''}`,
    ),
  );
  const params = describeConnectionParameters(connector);
  if (params.length > 0) {
    out.push('', c.bold('Connection parameters'));
    for (const p of params) {
      const flags2 = [
        p.required ? 'required' : 'optional',
        p.secret ? 'secret' : '',
        p.hidden ? 'hidden' : '',
      ]
        .filter(Boolean)
        .join(', ');
      const set = p.set ? `[${p.set}] ` : '';
      out.push(
        `  ${set}${c.cyan(p.name)}  ${p.type}  ${p.displayName ?? ''} (${flags2})${p.description ? c.dim(` — ${p.description}`) : ''}`,
      );
    }
  }
  for (const [kind, heading] of KIND_TITLES) {
    const group = ops.filter((o) => o.kind === kind);
    if (group.length === 0) continue;
    out.push('', c.bold(heading));
    for (const o of group) {
      const tags = [
        o.visibility !== 'none' ? o.visibility : '',
        o.deprecated ? 'deprecated' : '',
        o.customCode ? 'custom code' : '',
      ].filter(Boolean);
      out.push(
        `  ${c.cyan(o.id ?? o.label)}  ${o.method.toUpperCase()} ${o.path}${tags.length ? c.dim(` [${tags.join(', ')}]`) : ''}`,
      );
      if (o.summary) out.push(`    ${o.summary}`);
      for (const p of o.parameters) {
        if (!flags.all && p.visibility === 'internal') continue;
        const req = p.required ? c.yellow('required') : 'optional';
        const type = p.type ?? (p.in === 'body' ? 'object' : '');
        const extra = [p.visibility === 'advanced' ? 'advanced' : '', p.dynamic.length ? 'dynamic' : '']
          .filter(Boolean)
          .join(', ');
        out.push(
          `    - ${p.name} (${p.in}, ${type}, ${req}${extra ? `, ${extra}` : ''})${label(p) !== p.name ? ` ${label(p)}` : ''}`,
        );
      }
    }
  }
  return out.join('\n');
}

export async function runOperations(connectorPath: string, flags: OperationsFlags, io: Io): Promise<number> {
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  if (flags.format === 'json') {
    const json = operationsView(connector, flags.all);
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
    io.stdout.write(`${renderText(connector, flags, color)}\n`);
  }
  return EXIT.ok;
}
