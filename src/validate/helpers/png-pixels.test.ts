import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readPng } from './png-pixels.ts';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** A PNG built by hand: 8-bit samples, filter type 1 (Sub) on every row, optional palette and tRNS. */
function png(width: number, height: number, colorType: number, samples: number[], extra: Buffer[] = []) {
  const bpp = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType]!;
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    raw.push(1);
    const row = samples.slice(y * width * bpp, (y + 1) * width * bpp);
    for (let i = 0; i < row.length; i++) raw.push((row[i]! - (i >= bpp ? row[i - bpp]! : 0)) & 0xff);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', new Uint8Array()),
  ]);
}
/** Rows filtered with None, Sub, Up, Average and Paeth in turn, as an encoder may choose them. */
function filteredRows(width: number, height: number, bpp: number, pixels: number[]): Buffer {
  const stride = width * bpp;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : pixels[y * stride + x]!);
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw.push(filter);
    for (let x = 0; x < stride; x++) {
      const [left, above, upLeft] = [at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1)];
      const p = left + above - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - above) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - above) <= Math.abs(p - upLeft)
            ? above
            : upLeft;
      const predicted = [0, left, above, (left + above) >> 1, paeth][filter]!;
      raw.push((at(x, y) - predicted) & 0xff);
    }
  }
  return Buffer.from(raw);
}
const samples = (n: number) => Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff);
/** What pngjs itself returns, or the message it throws. */
function reference(buffer: Buffer) {
  try {
    const { width, height, data } = PNG.sync.read(buffer);
    return { width, height, data: new Uint8Array(data) };
  } catch (e) {
    return (e as Error).message;
  }
}
function ours(buffer: Buffer) {
  try {
    const { width, height, data } = readPng(buffer);
    return { width, height, data: new Uint8Array(data) };
  } catch (e) {
    return (e as Error).message;
  }
}

describe('readPng', () => {
  it.each([
    ['grey', 0, 1],
    ['RGB', 2, 3],
    ['grey and alpha', 4, 2],
    ['RGBA', 6, 4],
  ])('decodes 8-bit %s pixels as pngjs does', (_, colorType, bpp) => {
    const buffer = png(7, 5, colorType, samples(7 * 5 * bpp));
    expect(ours(buffer)).toEqual(reference(buffer));
  });
  it.each([
    ['RGBA', 6, 4, 5],
    ['grey, rows of whole words', 0, 1, 8],
    ['RGB', 2, 3, 5],
  ])('reverses every row filter of %s pixels as pngjs does', (_, colorType, bpp, width) => {
    const pixels = samples(width * 11 * bpp).map((v, i) => (v * (i % 7)) & 0xff);
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(11, 4);
    ihdr.set([8, colorType, 0, 0, 0], 8);
    const buffer = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(filteredRows(width, 11, bpp, pixels))),
      chunk('IEND', new Uint8Array()),
    ]);
    const decoded = ours(buffer);
    expect(typeof decoded).not.toBe('string');
    expect(decoded).toEqual(reference(buffer));
  });
  it('maps palette indexes and palette transparency as pngjs does', () => {
    const plte = chunk('PLTE', new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255]));
    const trns = chunk('tRNS', new Uint8Array([128]));
    const buffer = png(4, 3, 3, [0, 1, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2], [plte, trns]);
    expect(ours(buffer)).toEqual(reference(buffer));
  });
  it('makes the tRNS colour of an RGB image transparent as pngjs does', () => {
    const trns = chunk('tRNS', new Uint8Array([0, 11, 0, 48, 0, 85]));
    const buffer = png(3, 3, 2, samples(27), [trns]);
    const decoded = ours(buffer);
    expect(decoded).toEqual(reference(buffer));
    expect(typeof decoded !== 'string' && decoded.data[3]).toBe(0);
  });
  it('throws what pngjs throws for a palette index out of range and for a bad checksum', () => {
    const plte = chunk('PLTE', new Uint8Array([255, 0, 0]));
    const outOfRange = png(2, 1, 3, [0, 5], [plte]);
    expect(ours(outOfRange)).toBe(reference(outOfRange));
    const badCrc = png(2, 2, 6, samples(16));
    badCrc[29] = (badCrc[29]! + 1) & 0xff;
    expect(ours(badCrc)).toBe(reference(badCrc));
    expect(typeof ours(badCrc)).toBe('string');
  });
  it('leaves 16-bit and interlaced images to pngjs', () => {
    const sixteen = new PNG({ width: 3, height: 2, bitDepth: 16 });
    sixteen.data.fill(200);
    const buffer = PNG.sync.write(sixteen, { bitDepth: 16 } as never);
    expect(ours(buffer)).toEqual(reference(buffer));
  });
  it('decodes what pngjs writes', () => {
    const image = new PNG({ width: 9, height: 4 });
    image.data.set(samples(9 * 4 * 4));
    const buffer = PNG.sync.write(image);
    expect(ours(buffer)).toEqual(reference(buffer));
  });
});
