import { FlowportError } from '../../errors.ts';
import type { Template } from '../expression/ast.ts';
import { renderTemplate } from '../expression/evaluate.ts';
import type { PolicyContext, RuntimeRequest } from '../types.ts';
import type { InstanceParameters } from './parameters.ts';
import { messageScope } from './scope.ts';

export interface HostUrlConfig {
  readonly urlTemplate: Template;
  readonly label: string;
}

export function readHostUrl(p: InstanceParameters): HostUrlConfig | undefined {
  const urlTemplate = p.template(
    'urlTemplate',
    "add the base URL, for example `https://@connectionParameters('host')`",
    {
      required: true,
    },
  );
  return urlTemplate && { urlTemplate, label: p.label };
}

/**
 * Replaces the base URL (scheme, host, port and basePath: DECIDE 7) with the evaluated template; a
 * result without a scheme gets `https://`, trailing slashes are trimmed.
 */
export function applyHostUrl(config: HostUrlConfig, request: RuntimeRequest, ctx: PolicyContext): void {
  let url = renderTemplate(config.urlTemplate, messageScope(request, request, ctx)).trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `https://${url.replace(/^\/+/, '')}`;
  url = url.replace(/\/+$/, '');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // The value may come from connection parameters, so the message names the template, not the value.
  if (!parsed || parsed.hostname === '' || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:'))
    throw new FlowportError(
      'POLICY_FAILED',
      `${config.label} built a base URL without a valid http(s) host from \`${config.urlTemplate.source}\`; check the connection parameters, headers or query parameters it reads.`,
    );
  request.baseUrl = url;
}
