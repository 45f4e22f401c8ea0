import type { Connector } from '../../connector/model.ts';

/**
 * Whether findings about a *missing* swagger property would be guesses: there is no swagger file,
 * or its JSON has syntax errors, so the tolerant reader may have dropped or misplaced content.
 * `connector-file-missing` and `json-syntax` report those cases.
 */
export function swaggerUnreliable(connector: Connector): boolean {
  const doc = connector.documents.swagger;
  if (!connector.files.swagger || !doc) return true;
  return doc.issues.some((issue) => issue.kind === 'syntax' || issue.kind === 'empty');
}
