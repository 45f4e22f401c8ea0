/**
 * The HAR file `flowport record` writes: rewritten whole, shortly after each call (to a temporary file
 * renamed over it, so that an interrupted write never leaves half a file), and once more on close.
 * A file that already holds a HAR is continued: its entries are kept and new ones follow.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isObject, type JsonObject, type JsonValue, ownArray, ownObject } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { VERSION } from '../version.ts';

const WRITE_DELAY_MS = 200;

export class HarFile {
  readonly path: string;
  private readonly entries: JsonValue[];
  /** Entries the file held when recording started. */
  readonly earlier: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(path: string) {
    this.path = path;
    this.entries = existsSync(path) ? earlierEntries(path) : [];
    this.earlier = this.entries.length;
  }

  /** Entries recorded in this run. */
  get recorded(): number {
    return this.entries.length - this.earlier;
  }

  add(entry: JsonObject): void {
    this.entries.push(entry);
    this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
  }

  /** Writes the file now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'flowport record', version: VERSION },
        pages: [],
        entries: this.entries,
      },
    };
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(har, null, 2)}\n`);
    renameSync(temporary, this.path);
  }
}

/** The entries of an existing HAR; anything else at that path is refused, not overwritten. */
function earlierEntries(path: string): JsonValue[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    value = undefined;
  }
  const entries = isObject(value) ? ownArray(ownObject(value, 'log'), 'entries') : undefined;
  if (!entries)
    throw new FlowportError(
      'USAGE',
      `\`${path}\` exists and is not a HAR file; give another file with --out (a HAR there is continued, anything else is kept as it is).`,
    );
  return entries;
}
