import { type Overlay, overlayOf } from '../connector/overlay.ts';
import { FlowportError } from '../errors.ts';
import { readText } from './invoke-flags.ts';

/** The files of `--overlay`, read in order; unreadable or malformed ones are usage errors naming them. */
export function readOverlays(files: readonly string[]): Overlay[] {
  return files.map((file) => {
    const text = readText('--overlay', file);
    let value: unknown;
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (cause) {
      throw new FlowportError('USAGE', `${file} (--overlay) is not JSON: ${(cause as Error).message}.`, {
        cause,
      });
    }
    return overlayOf(value, file);
  });
}
