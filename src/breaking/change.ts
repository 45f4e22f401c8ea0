import type { Connector } from '../connector/model.ts';
import type { Summary } from '../validate/diagnostic.ts';
import type { Severity } from '../validate/rule.ts';
import { type ChangeKindId, changeKind } from './kinds.ts';
import type { UpdateClass } from './update-kind.ts';

/** One change between two versions of a connector, as data. */
export interface BreakingChange {
  readonly kind: ChangeKindId;
  readonly severity: Severity;
  /** Microsoft's sentence for the kind of change (see `CHANGE_KINDS`). */
  readonly message: string;
  /** Which operation, parameter or field, and how it changed. */
  readonly detail: string;
  readonly fix: string;
  /** Microsoft's change path (`ValuePath`): `operation/<operationId>/parameter/<name>/schema/<field>/type`. */
  readonly path: string;
  /** The version the position is in: the new one, or the old one for what was removed. */
  readonly version: 'old' | 'new';
  readonly file: string | undefined;
  readonly pointer: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Why the change is made on purpose, from a file of accepted changes (`--accept`); it then fails nothing. */
  readonly accepted?: string;
}

export interface BreakingResult {
  readonly old: string;
  readonly new: string;
  /** The new version's swagger file, where changes found in the old version are annotated. */
  readonly newSwagger: string | undefined;
  readonly changes: readonly BreakingChange[];
  /** Changes by severity, those accepted left out. */
  readonly summary: Summary;
  /** Minor or major for certification, with the differences that decide it. */
  readonly update: UpdateClass;
}

/** Where a change is: a JSON pointer into the swagger (or `apiProperties.json`) of one version. */
export interface At {
  readonly version: 'old' | 'new';
  readonly pointer: string;
  readonly document?: 'swagger' | 'apiProperties';
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Gathers changes and gives each the file, line and column of its pointer. */
export class Changes {
  private readonly list: BreakingChange[] = [];
  private readonly seen = new Set<string>();

  readonly before: Connector;
  readonly after: Connector;

  constructor(before: Connector, after: Connector) {
    this.before = before;
    this.after = after;
  }

  add(kind: ChangeKindId, path: string, detail: string, at: At, severity?: Severity): void {
    // A `$ref` shared by two places could report the same change twice.
    const key = `${kind}\0${path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const k = changeKind(kind);
    const doc = (at.version === 'old' ? this.before : this.after).documents[at.document ?? 'swagger'];
    const near = doc?.locateNearest(at.pointer);
    const position = near ? doc?.position(near.range.offset) : undefined;
    this.list.push({
      kind,
      severity: severity ?? k.severity,
      message: k.message,
      detail,
      fix: k.fix,
      path,
      version: at.version,
      file: doc?.file,
      pointer: at.pointer,
      line: position?.line,
      column: position?.column,
    });
  }

  result(update: UpdateClass): BreakingResult {
    const changes = [...this.list].sort(
      (a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    const summary = { error: 0, warning: 0, info: 0 };
    for (const c of changes) summary[c.severity]++;
    return {
      old: this.before.source,
      new: this.after.source,
      newSwagger: this.after.documents.swagger?.file,
      changes,
      summary,
      update,
    };
  }
}
