import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { parseOutline } from './markdown-outline.ts';
import { findSections, needsCredentials, README_SECTIONS } from './readme-sections.ts';

describe('readme sections', () => {
  it('matches the template headings and their common variants', () => {
    const outline = parseOutline(
      '## Pre-Requisites\n## Prerequisite\n### How to get credentials?\n# Known limitations\n## Supported Triggers',
    );
    expect(findSections(outline, README_SECTIONS.prerequisites)).toHaveLength(2);
    expect(findSections(outline, README_SECTIONS.credentials)).toHaveLength(1);
    expect(findSections(outline, README_SECTIONS.knownIssues)).toHaveLength(1);
    expect(findSections(outline, README_SECTIONS.operations)).toHaveLength(1);
  });
  it('says whether users need credentials', () => {
    const make = (properties: unknown) =>
      connectorFromFiles([
        { name: 'apiProperties.json', bytes: new TextEncoder().encode(JSON.stringify({ properties })) },
      ]);
    expect(needsCredentials(make({ connectionParameters: {} }))).toBe(false);
    expect(needsCredentials(make({ connectionParameters: { api_key: { type: 'securestring' } } }))).toBe(
      true,
    );
  });
});
