import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../../connector/load.ts';
import { runRules } from '../../engine.ts';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import bgColor from './icon-background-color.ts';
import bgMatch from './icon-background-match.ts';
import bgNearWhite from './icon-background-near-white.ts';
import bgOpaque from './icon-background-opaque.ts';
import format from './icon-format.ts';
import independentPublisher from './icon-independent-publisher.ts';
import missing from './icon-missing.ts';
import size from './icon-size.ts';
import sizeRecommended from './icon-size-recommended.ts';

type Rgba = [number, number, number, number];

/** A PNG filled with `background`, with a `logo`-coloured square in the middle. */
function png(width: number, height: number, background: Rgba, logo: Rgba = [255, 255, 255, 255]): Uint8Array {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inLogo = x > width / 4 && x < (3 * width) / 4 && y > height / 4 && y < (3 * height) / 4;
      image.data.set(inLogo ? logo : background, (y * width + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(image));
}

const BRAND: Rgba = [0x1f, 0x34, 0x4a, 255];
const files = (icon: Uint8Array | undefined, iconBrandColor = '#1f344a') => ({
  swagger: swagger(),
  apiProperties: { properties: { iconBrandColor } },
  ...(icon && { icon }),
});
const good = png(230, 230, BRAND);

describe('icon-format', () => {
  it('reports a JPEG saved as icon.png', () => {
    expect(messages(format, files(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0])))).toEqual([
      '`icon.png` is a JPEG image, not a PNG image.',
    ]);
  });
  it('reports a truncated PNG', () => {
    expect(messages(format, files(good.subarray(0, 40)))).toEqual([
      expect.stringMatching(/has a PNG signature but cannot be decoded/),
    ]);
  });
  it('accepts a PNG', () => {
    expect(runRule(format, files(good))).toEqual([]);
  });
});

describe('icon-size', () => {
  it.each([
    [230, 200, 'The icon is 230×200 pixels; it must be square (230×230).'],
    [64, 64, 'The icon is 64×64 pixels; reviewers expect 230×230.'],
    [1024, 1024, 'The icon is 1024×1024 pixels; reviewers expect 230×230.'],
  ])('reports %i×%i', (w, h, message) => {
    expect(messages(size, files(png(w, h, BRAND)))).toEqual([message]);
  });
  it('accepts 230×230 and other square sizes in range', () => {
    expect(runRule(size, files(good))).toEqual([]);
    expect(runRule(size, files(png(400, 400, BRAND)))).toEqual([]);
  });
});

describe('icon-size-recommended', () => {
  it('warns about a square icon that is not 230×230', () => {
    expect(messages(sizeRecommended, files(png(400, 400, BRAND)))).toEqual([
      'The icon is 400×400 pixels; reviewers ask for 230×230.',
    ]);
  });
  it('leaves sizes outside the range to icon-size and accepts 230×230', () => {
    expect(runRule(sizeRecommended, files(png(64, 64, BRAND)))).toEqual([]);
    expect(runRule(sizeRecommended, files(good))).toEqual([]);
  });
});

describe('icon-background-opaque', () => {
  it('reports a transparent background', () => {
    expect(messages(bgOpaque, files(png(100, 100, [0, 0, 0, 0])))).toEqual([
      "396 of the 396 pixels on the icon's edge are transparent; the background must be an opaque square.",
    ]);
  });
  it('accepts an opaque background with a translucent logo', () => {
    expect(runRule(bgOpaque, files(png(100, 100, BRAND, [255, 255, 255, 0])))).toEqual([]);
  });
});

describe('icon-background-color', () => {
  it.each([
    [[255, 255, 255, 255] as Rgba, /white/],
    [[0, 0x7e, 0xe5, 255] as Rgba, /#007ee5/],
  ])('reports a %j background', (bg, message) => {
    expect(messages(bgColor, files(png(230, 230, bg, BRAND)))).toEqual([expect.stringMatching(message)]);
  });
  it('accepts a brand-colour background', () => {
    expect(runRule(bgColor, files(good))).toEqual([]);
  });
});

describe('icon-background-near-white', () => {
  it('warns about an almost white background', () => {
    expect(messages(bgNearWhite, files(png(230, 230, [0xf2, 0xf2, 0xf2, 255], BRAND)))).toEqual([
      'The icon background `#f2f2f2` is almost white; the icon will hardly show on white pages.',
    ]);
  });
  it('accepts a dark background', () => {
    expect(runRule(bgNearWhite, files(good))).toEqual([]);
  });
});

describe('icon-background-match', () => {
  it('reports a background that differs from iconBrandColor, at the brand colour', () => {
    const f = files(good, '#0071ce');
    expect(messages(bgMatch, f)).toEqual([
      'The icon background is `#1f344a` but `iconBrandColor` is `#0071ce`; they must be the same colour.',
    ]);
    expect(pointers(bgMatch, f)).toEqual(['/properties/iconBrandColor']);
  });
  it('tolerates small differences', () => {
    expect(runRule(bgMatch, files(png(230, 230, [0x22, 0x36, 0x4c, 255]), '#1f344a'))).toEqual([]);
  });
  it('does not guess when the corners disagree', () => {
    const image = new PNG({ width: 100, height: 100 });
    for (let i = 0; i < 100 * 100; i++)
      image.data.set(i % 100 < 50 ? [0, 0, 0, 255] : [200, 0, 0, 255], i * 4);
    expect(runRule(bgMatch, files(new Uint8Array(PNG.sync.write(image)), '#ffaa00'))).toEqual([]);
  });
});

describe('icon-independent-publisher', () => {
  it('reports an icon', () => {
    expect(messages(independentPublisher, files(good))).toEqual([
      expect.stringMatching(/^`icon\.png` must not be submitted/),
    ]);
  });
  it('accepts a folder without icon', () => {
    expect(runRule(independentPublisher, files(undefined))).toEqual([]);
  });
});

describe('icon-missing', () => {
  it('notes a folder without icon', () => {
    expect(messages(missing, files(undefined))).toEqual([
      expect.stringMatching(/^The folder has no `icon\.png`/),
    ]);
  });
  it('says nothing when the icon is there, or for a single swagger file', () => {
    expect(runRule(missing, files(good))).toEqual([]);
    const connector = connectorFromFiles([]);
    const single = { ...connector, sourceType: 'file' as const };
    expect(runRules(single, [{ rule: missing, severity: 'info' }], 'certification').diagnostics).toEqual([]);
  });
});
