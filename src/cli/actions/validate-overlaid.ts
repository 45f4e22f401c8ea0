import { loadConnectorSync } from '../../connector/load.ts';
import { applyOverlays } from '../../connector/overlay.ts';
import { isFlowportError } from '../../errors.ts';
import { type Outcome, positionedTexts, type RunOptions } from '../../validate/run-one.ts';
import { validateConnector } from '../../validate/validate.ts';
import { readOverlays } from '../overlay-flag.ts';

/**
 * `flowport validate --overlay`: each connector loaded, the overlays applied in order (as `deploy` and
 * `arm` apply them) and the result validated; findings point into the overlaid documents.
 */
export function validateOverlaid(
  sources: readonly string[],
  files: readonly string[],
  options: RunOptions,
): Outcome[] {
  const overlays = readOverlays(files);
  return sources.map((source) => {
    try {
      const connector = applyOverlays(loadConnectorSync(source), overlays);
      const found = validateConnector(connector, {
        ...(options.preset && { preset: options.preset }),
        ...(options.config && { config: options.config }),
      });
      // A fix would edit the overlaid text, not the files on disk: none is offered.
      const result = { ...found, diagnostics: found.diagnostics.map(({ edit: _edit, ...d }) => d) };
      if (!options.texts) return { source, result };
      return { source, result, texts: positionedTexts(result, (kind) => connector.files[kind]?.text) };
    } catch (error) {
      if (!isFlowportError(error)) throw error;
      return { source, error: { code: error.code, message: error.message } };
    }
  });
}
