import { outlineOf, sectionText } from '../../helpers/markdown-outline.ts';
import { findSections, README_SECTIONS } from '../../helpers/readme-sections.ts';
import { defineRule } from '../../rule.ts';

/** Words of app-registration steps: where to register, what to copy, which redirect URL to allow. */
const REGISTRATION =
  /\b(?:client[\s_-]?id|client[\s_-]?secret|redirect|callback|app(?:lication)? registration|register|create (?:an? |your )?(?:new )?(?:oauth |developer )?app)/i;

export default defineRule({
  id: 'readme-oauth-credentials',
  description:
    'An independent-publisher connector with OAuth must explain, step by step, how to register the OAuth app.',
  category: 'readme',
  source: 'certification',
  severity: 'error',
  presets: ['independent-publisher'],
  fix: 'Under `## Obtaining Credentials`, list the steps to register an OAuth app with the service, the redirect URL to allow (`https://global.consent.azure-apim.net/redirect`) and where to find the client id and secret.',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      const { connectionParameters, parameterSets } = c.properties;
      const all = [...connectionParameters, ...parameterSets.flatMap((s) => s.parameters)];
      if (!file || !all.some((p) => (p.type ?? '').toLowerCase() === 'oauthsetting')) return;
      const outline = outlineOf(file);
      const sections = findSections(outline, README_SECTIONS.credentials);
      const explained = sections.some((h) => REGISTRATION.test(`${h.text}\n${sectionText(outline, h)}`));
      if (explained) return;
      ctx.report({
        message: sections.length
          ? "The connector signs in with OAuth, but the readme's credentials section does not explain how to register the OAuth app."
          : 'The connector signs in with OAuth, but the readme has no section explaining how to register the OAuth app.',
        at: { file: 'readme', line: sections[0]?.line ?? 1 },
      });
    },
  },
});
