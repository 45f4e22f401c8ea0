import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ConnectorFile } from '../../connector/model.ts';
import { hasPngSignature, iconBackground, iconImage } from './icon-image.ts';

const file = (bytes: Uint8Array): ConnectorFile => ({
  kind: 'icon',
  name: 'icon.png',
  path: 'icon.png',
  bytes,
  text: undefined,
});
function solid(width: number, height: number, rgba: number[]): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(rgba, i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

describe('iconImage', () => {
  it('decodes a PNG and samples its background', () => {
    const f = file(solid(50, 40, [10, 20, 30, 255]));
    const image = iconImage(f);
    expect(image.ok && [image.width, image.height]).toEqual([50, 40]);
    if (!image.ok) return;
    expect(iconBackground(f, image)).toEqual({
      transparentBorderPixels: 0,
      borderPixels: 176,
      color: { r: 10, g: 20, b: 30 },
    });
  });
  it('gives no background colour for transparent corners', () => {
    const f = file(solid(10, 10, [0, 0, 0, 0]));
    const image = iconImage(f);
    expect(image.ok && iconBackground(f, image)?.color).toBeUndefined();
  });
  it('names formats that are not PNG and never throws on corrupt data', () => {
    expect(iconImage(file(new Uint8Array([0x47, 0x49, 0x46, 0x38])))).toMatchObject({
      ok: false,
      detail: 'a GIF image',
    });
    const corrupt = solid(10, 10, [1, 2, 3, 255]).slice(0, 30);
    expect(hasPngSignature(corrupt)).toBe(true);
    expect(iconImage(file(corrupt))).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});

describe('iconImage on huge images', () => {
  it('reads the size from the header without decoding', () => {
    const header = solid(1, 1, [0, 0, 0, 255]).slice(0, 33);
    const view = new DataView(header.buffer);
    view.setUint32(16, 20000);
    view.setUint32(20, 20000);
    const f = file(header);
    const image = iconImage(f);
    expect(image).toMatchObject({ ok: true, width: 20000, height: 20000, data: undefined });
    expect(image.ok && iconBackground(f, image)).toBeUndefined();
  });
});
