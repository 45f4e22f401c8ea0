import { describe, expect, it } from 'vitest';
import { messages, runRule, swagger } from '../../testing.ts';
import intro from './intro-sections.ts';

const apiProperties = {
  properties: { iconBrandColor: '#1f344a', connectionParameters: { api_key: { type: 'securestring' } } },
};

describe('intro-sections', () => {
  it('reports missing intro.md sections', () => {
    expect(
      messages(intro, { swagger: swagger(), apiProperties, intro: 'Contoso keeps lists.\n\n## FAQ\n' }),
    ).toEqual([
      '`intro.md` has no `## Prerequisites` section.',
      '`intro.md` has no `## How to get credentials` section.',
      '`intro.md` has no `## Known issues and limitations` section.',
    ]);
  });
  it('accepts the shape of the repository examples', () => {
    const text =
      'Contoso keeps lists.\n\n## Prerequisites\n\n## How to get credentials\n\n## Known issues and limitations\n';
    expect(runRule(intro, { swagger: swagger(), apiProperties, intro: text })).toEqual([]);
  });
  it('says nothing without intro.md', () => {
    expect(runRule(intro, { swagger: swagger(), apiProperties })).toEqual([]);
  });
});
