import { ownArray, ownObject, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { isAbsoluteHttpUrl } from '../../helpers/absolute-url.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-url-not-valid',
  microsoftId: 'UrlNotValid',
  description:
    '`info.contact.url`, `info.license.url` and the `url` of the document’s and tags’ `externalDocs` must be absolute http(s) URLs.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write the full address, including `https://` (for example `https://contoso.com/support`).',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      const info = ownObject(root, 'info');
      const places: [unknown, string][] = [
        [ownObject(info, 'contact'), '/info/contact'],
        [ownObject(info, 'license'), '/info/license'],
        [ownObject(root, 'externalDocs'), '/externalDocs'],
      ];
      (ownArray(root, 'tags') ?? []).forEach((tag, i) => {
        places.push([ownObject(tag, 'externalDocs'), join('/tags', i, 'externalDocs')]);
      });
      for (const [owner, pointer] of places) {
        const url = ownString(owner, 'url');
        if (url === undefined || url === '' || isAbsoluteHttpUrl(url)) continue;
        ctx.report({ message: `The URL \`${url}\` must be a valid absolute URL.`, at: join(pointer, 'url') });
      }
    },
  },
});
