import { isObject, setOwn } from '../../connector/json.ts';
import { getAt, type PropertyPath } from '../expression/path.ts';
import { defineTemplate } from './define.ts';
import { encodePageLink } from './page-link.ts';

interface Config {
  /** A property name, taken literally (`@odata.nextLink` has an `@` and a dot). */
  readonly name: string;
  readonly parent: PropertyPath;
  readonly label: string;
}

/**
 * `updatenextlink` — rewrites the backend's next-page link in the response into a runtime URL
 * (`<runtimeBaseUrl>/__page?op=…&link=…`, see `page-link.ts`) so that following it goes through the
 * connector again with the connection's auth and the operation's policies.
 *
 * @example
 * // {"@odata.nextLink":"https://graph…?$skiptoken=x"} → {"@odata.nextLink":"flowport://runtime/__page?op=ListTasks_V3&link=…"}
 */
export default defineTemplate<Config>({
  id: 'updatenextlink',
  title: 'Update next link',
  documented: false,
  sections: ['response'],
  read(p) {
    const name = p.string(
      'nextLinkPropertyName',
      'add the property that holds the next-page link, for example `@odata.nextLink`',
      {
        required: true,
      },
    );
    const parent = p.path('nextLinkParentPropertyPath', '') ?? { root: 'relative', steps: [], source: '' };
    return name === undefined ? undefined : { name, parent, label: p.label };
  },
  response(config, response, ctx) {
    if (response.body.kind !== 'json') return;
    const parent = getAt(response.body.value, config.parent.steps);
    if (!isObject(parent) || !Object.hasOwn(parent, config.name)) return;
    const link = parent[config.name];
    if (typeof link !== 'string' || link === '') return;
    const operationId = ctx.operation.id;
    if (operationId === undefined) {
      ctx.warn(
        `${config.label} left the next link as is: operation \`${ctx.operation.label}\` has no \`operationId\`.`,
      );
      return;
    }
    setOwn(parent, config.name, encodePageLink(ctx.runtimeBaseUrl, operationId, link));
  },
});
