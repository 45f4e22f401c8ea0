import { loadConnector } from '../connector/load.ts';
import type { Connector } from '../connector/model.ts';
import { applyOverlays, type Overlay, overlayOf } from '../connector/overlay.ts';
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

/** Help of `--overlay` on the commands that load a connector to run it (`run`, `mcp`, `mock`…). */
export const OVERLAY_HELP =
  "use the connector as this environment's overlay changes it, in memory (JSON Merge Patch or OpenAPI Overlay; repeat to stack)";

/**
 * The connector at `path` with the `--overlay` files applied in order, as `deploy` and `validate`
 * apply them; the connector as it is without any. The files on disk are not changed.
 */
export async function loadOverlaid(path: string, files: readonly string[] | undefined): Promise<Connector> {
  // Overlays are read first: a mistake in one is found before the connector is.
  const overlays = readOverlays(files ?? []);
  return applyOverlays(await loadConnector(path), overlays);
}

/**
 * `--overlay` with `--connection`: the server runs the connector it holds, which an overlay given
 * here cannot change, so the two together are a usage error rather than an overlay silently ignored.
 */
export function refuseRemoteOverlay(flags: { overlay?: readonly string[]; connection?: string }): void {
  if ((flags.overlay?.length ?? 0) > 0 && flags.connection !== undefined)
    throw new FlowportError(
      'USAGE',
      '--overlay changes the connector in this process, but with --connection the server runs the copy it holds: leave out --overlay, or run the connector here without --connection.',
    );
}
