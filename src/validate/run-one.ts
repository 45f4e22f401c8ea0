import { loadConnectorSync } from '../connector/load.ts';
import type { ConnectorFileKind } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import type { FlowportConfig } from './config.ts';
import type { ValidationResult } from './engine.ts';
import type { PresetName } from './rule.ts';
import { validateConnector } from './validate.ts';

/** What validating one source gives: a result, or the error that kept it from being read. */
export interface Outcome {
  readonly source: string;
  readonly result?: ValidationResult;
  readonly error?: { readonly code: string; readonly message: string };
  /** Texts of the files findings point into, for code frames (when asked for). */
  readonly texts?: Partial<Record<ConnectorFileKind, string>>;
}

export interface RunOptions {
  readonly preset?: PresetName;
  readonly config?: FlowportConfig;
  /** Keep the texts of files with positioned findings (the text report shows source lines). */
  readonly texts?: boolean;
}

/** Loads and validates one source; only a `FlowportError` becomes an `error`, anything else is a bug. */
export function runOne(source: string, options: RunOptions): Outcome {
  try {
    const connector = loadConnectorSync(source);
    const result = validateConnector(connector, {
      ...(options.preset && { preset: options.preset }),
      ...(options.config && { config: options.config }),
    });
    if (!options.texts) return { source, result };
    return { source, result, texts: positionedTexts(result, (kind) => connector.files[kind]?.text) };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    return { source, error: { code: error.code, message: error.message } };
  }
}

/** Texts of the files a result's findings have positions in (for code frames), from `textOf`. */
export function positionedTexts(
  result: ValidationResult,
  textOf: (kind: ConnectorFileKind) => string | undefined,
): Partial<Record<ConnectorFileKind, string>> {
  const texts: Partial<Record<ConnectorFileKind, string>> = {};
  for (const d of result.diagnostics) {
    if (d.fileKind && d.line !== undefined && texts[d.fileKind] === undefined) {
      const text = textOf(d.fileKind);
      if (text !== undefined) texts[d.fileKind] = text;
    }
  }
  return texts;
}
