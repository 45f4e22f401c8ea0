/**
 * The HAR file `flowport record` writes: rewritten whole, shortly after each call (to a temporary file
 * renamed over it, so that an interrupted write never leaves half a file), and once more on close.
 * A file that already holds a HAR is continued: its entries are kept and new ones follow. The file
 * (and its folder) is written when recording starts, so that a path that cannot be written is refused
 * before any call is made; a write that fails later is retried with the next call and on close, where
 * a last failure leaves the calls in a file of the system's temporary folder and says where.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
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
    try {
      mkdirSync(dirname(path), { recursive: true });
      this.write(path);
    } catch (error) {
      throw new FlowportError(
        'USAGE',
        `Cannot write \`${path}\` (${reason(error)}); give a file in a folder you can write to with --out.`,
      );
    }
  }

  /** Entries recorded in this run. */
  get recorded(): number {
    return this.entries.length - this.earlier;
  }

  add(entry: JsonObject): void {
    this.entries.push(entry);
    this.timer ??= setTimeout(() => {
      try {
        this.flush();
      } catch {
        // Kept in memory: written with the next call, or on close (which says so if it cannot).
      }
    }, WRITE_DELAY_MS);
  }

  /**
   * Writes the file now. When that fails, the calls go to a file in the system's temporary folder and
   * the error says where, so that none is lost.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      this.write(this.path);
    } catch (error) {
      const rescue = join(tmpdir(), `${basename(this.path)}.${process.pid}.har`);
      let saved = '';
      try {
        this.write(rescue);
        saved = ` The calls are in ${rescue}; copy it where you want it.`;
      } catch {
        // Nothing more can be done; the error below says the file was not written.
      }
      throw new FlowportError('USAGE', `Cannot write \`${this.path}\` (${reason(error)}).${saved}`);
    }
  }

  private write(path: string): void {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'flowport record', version: VERSION },
        pages: [],
        entries: this.entries,
      },
    };
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(har, null, 2)}\n`);
    renameSync(temporary, path);
  }
}

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  EEXIST: 'a file stands where a folder should be',
  ENOTDIR: 'a file stands where a folder should be',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
};

/** A file system error as a short cause, with its code (`its folder does not exist, ENOENT`). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return (error as Error).message;
  return CAUSES[code] ? `${CAUSES[code]}, ${code}` : code;
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
