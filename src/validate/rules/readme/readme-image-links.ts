import { outlineOf } from '../../helpers/markdown-outline.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

/** `https:`, `data:`, `//host`, `#anchor`: nothing to check on disk. */
const NOT_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default defineRule({
  id: 'readme-image-links',
  description: 'Relative image links in the readme must point to files that exist in the connector folder.',
  category: 'readme',
  source: 'reviewer-practice',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Add the image to the connector folder (with the same name and case) or link to an absolute URL.',
  visit: {
    connector(c, ctx) {
      const file = c.files.readme;
      if (!file || c.sourceType === 'file') return;
      const { images } = outlineOf(file);
      if (images.length === 0) return;
      const present = [...c.otherFiles, ...Object.values(c.files).map((f) => f.name)];
      const exact = new Set(present);
      const lower = new Map(present.map((n) => [n.toLowerCase(), n]));
      for (const image of images) {
        const src = image.src.trim();
        if (src === '' || NOT_LOCAL.test(src)) continue;
        const path = decode(src.replace(/[?#].*$/, '')).replace(/^\.\//, '');
        // Only files directly in the folder are listed; sub-folders and parents cannot be checked.
        if (path === '' || path.includes('/') || path.includes('\\')) continue;
        if (exact.has(path)) continue;
        const other = lower.get(path.toLowerCase());
        ctx.report({
          message: other
            ? `The readme shows image \`${src}\` but the file is named \`${other}\`; GitHub and the docs site match names case-sensitively.`
            : `The readme shows image \`${src}\`, which is not in the connector folder.`,
          at: { file: 'readme', line: image.line },
        });
      }
    },
  },
});
