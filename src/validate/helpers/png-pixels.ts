import { lazy } from '../../lazy.ts';

const pngjs = lazy<typeof import('pngjs')>('pngjs');

/** PNG metadata as pngjs's chunk parser reports it. */
interface PngMeta {
  width: number;
  height: number;
  depth: number;
  interlace: boolean;
  bpp: number;
  colorType: number;
  palette?: boolean | number[][];
  transColor?: number[];
  alpha?: boolean;
}

interface SyncReader {
  read(length: number, callback: (data: Buffer) => void): void;
  process(): void;
}

/** The pieces of pngjs that `PNG.sync.read` is made of (`lib/parser-sync.js`). */
interface PngjsParts {
  SyncReader: new (buffer: Buffer) => SyncReader;
  Parser: new (
    options: object,
    dependencies: Record<string, (...args: never[]) => void>,
  ) => { start(): void };
  inflateSync: (data: Buffer, options: { chunkSize: number; maxLength: number }) => Buffer;
}

const syncReader = lazy<PngjsParts['SyncReader']>('pngjs/lib/sync-reader');
const parser = lazy<PngjsParts['Parser']>('pngjs/lib/parser');
const syncInflate = lazy<PngjsParts['inflateSync']>('pngjs/lib/sync-inflate');

/** Decoded PNG pixels: RGBA, 8 bits per channel, row by row. */
export interface PngPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Decodes a PNG exactly as pngjs's `PNG.sync.read` does, and throws what it throws. Non-interlaced
 * 8-bit images (nearly every icon) are parsed and inflated by pngjs's own code, then unfiltered and
 * turned into RGBA by plain loops instead of pngjs's buffer per row and function call per pixel.
 * Anything else, and any image these loops cannot read, goes through pngjs whole.
 */
export function readPng(buffer: Buffer): PngPixels {
  try {
    const pixels = readEightBit(buffer);
    if (pixels) return pixels;
  } catch {
    // pngjs throws the same error below.
  }
  const png = pngjs().PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

/** `lib/parser-sync.js` of pngjs up to the inflated rows; undefined for images it does not handle. */
function readEightBit(buffer: Buffer): PngPixels | undefined {
  const SyncReader = syncReader();
  const Parser = parser();
  let error: unknown;
  let meta: PngMeta | undefined;
  const idat: Buffer[] = [];
  const reader = new SyncReader(buffer);
  const png = new Parser(
    {},
    {
      read: reader.read.bind(reader),
      error: (e: unknown) => {
        error = e;
      },
      metadata: (m: PngMeta) => {
        meta = m;
      },
      gamma: () => {},
      palette: (palette: number[][]) => {
        if (meta) meta.palette = palette;
      },
      transColor: (color: number[]) => {
        if (meta) meta.transColor = color;
      },
      inflateData: (data: Buffer) => {
        idat.push(data);
      },
      simpleTransparency: () => {
        if (meta) meta.alpha = true;
      },
    },
  );
  png.start();
  reader.process();
  if (error !== undefined || !meta || meta.interlace || meta.depth !== 8) return undefined;
  const rowSize = ((meta.width * meta.bpp * meta.depth + 7) >> 3) + 1;
  const imageSize = rowSize * meta.height;
  const inflated = syncInflate()(Buffer.concat(idat), { chunkSize: imageSize, maxLength: imageSize });
  if (!inflated?.length) return undefined;
  const rows = unfilter(inflated, meta.width * meta.bpp, meta.height, meta.bpp);
  const data = rows && toRgba(rows, meta);
  return data && { width: meta.width, height: meta.height, data };
}

/**
 * Reverses the PNG row filters (None, Sub, Up, Average, Paeth) as pngjs's `filter-parse` does for
 * 8-bit samples; undefined for an unknown filter or data of the wrong size (pngjs throws then).
 */
function unfilter(data: Uint8Array, byteWidth: number, height: number, bpp: number): Uint8Array | undefined {
  if (byteWidth === 0 || height === 0 || data.length !== (byteWidth + 1) * height) return undefined;
  const out = new Uint8Array(byteWidth * height);
  // Rows of whole 32-bit words (RGBA, and most other widths) add four bytes at a time.
  const words = byteWidth % 4 === 0 ? new Uint32Array(out.buffer) : undefined;
  const rowWords = byteWidth >> 2;
  for (let y = 0; y < height; y++) {
    const from = y * (byteWidth + 1) + 1;
    const row = y * byteWidth;
    const filter = data[from - 1];
    // Bytes outside the image (left of the first pixel, above the first row) count as 0.
    const first = Math.min(bpp, byteWidth);
    if (filter === 0) out.set(data.subarray(from, from + byteWidth), row);
    else if (words && bpp === 4 && (filter === 1 || (filter === 4 && y === 0))) {
      out.set(data.subarray(from, from + byteWidth), row);
      const w = row >> 2;
      for (let x = 1; x < rowWords; x++) words[w + x] = addBytes(words[w + x]!, words[w + x - 1]!);
    } else if (words && filter === 2 && y > 0) {
      out.set(data.subarray(from, from + byteWidth), row);
      const w = row >> 2;
      for (let x = 0; x < rowWords; x++) words[w + x] = addBytes(words[w + x]!, words[w - rowWords + x]!);
    } else if (filter === 1 || (filter === 4 && y === 0)) {
      // Paeth on the first row always predicts the left byte, as Sub does.
      for (let x = 0; x < first; x++) out[row + x] = data[from + x]!;
      for (let x = bpp; x < byteWidth; x++) out[row + x] = data[from + x]! + out[row + x - bpp]!;
    } else if (filter === 2) {
      if (y === 0) out.set(data.subarray(from, from + byteWidth), row);
      else for (let x = 0; x < byteWidth; x++) out[row + x] = data[from + x]! + out[row - byteWidth + x]!;
    } else if (filter === 3) {
      const up = row - byteWidth;
      for (let x = 0; x < first; x++) out[row + x] = data[from + x]! + (y > 0 ? out[up + x]! >> 1 : 0);
      if (y === 0) {
        for (let x = bpp; x < byteWidth; x++) out[row + x] = data[from + x]! + (out[row + x - bpp]! >> 1);
      } else {
        for (let x = bpp; x < byteWidth; x++)
          out[row + x] = data[from + x]! + ((out[row + x - bpp]! + out[up + x]!) >> 1);
      }
    } else if (filter === 4) {
      const up = row - byteWidth;
      // Left of the first pixel, Paeth predicts the byte above.
      for (let x = 0; x < first; x++) out[row + x] = data[from + x]! + out[up + x]!;
      for (let x = bpp; x < byteWidth; x++) {
        const left = out[row + x - bpp]!;
        const above = out[up + x]!;
        const upLeft = out[up + x - bpp]!;
        out[row + x] = data[from + x]! + paeth(left, above, upLeft);
      }
    } else return undefined;
  }
  return out;
}

/** The Paeth predictor of the PNG specification (and of pngjs's `paeth-predictor`). */
function paeth(left: number, above: number, upLeft: number): number {
  const p = left + above - upLeft;
  const pLeft = Math.abs(p - left);
  const pAbove = Math.abs(p - above);
  const pUpLeft = Math.abs(p - upLeft);
  if (pLeft <= pAbove && pLeft <= pUpLeft) return left;
  if (pAbove <= pUpLeft) return above;
  return upLeft;
}

/** The four bytes of two 32-bit words added each to each, modulo 256 (no carry between bytes). */
function addBytes(a: number, b: number): number {
  return ((a & 0x7f7f7f7f) + (b & 0x7f7f7f7f)) ^ ((a ^ b) & 0x80808080);
}

/**
 * pngjs's `bitmapper` and `format-normaliser` for 8-bit samples: grey, grey and alpha, RGB, RGBA or
 * palette indexes to RGBA, with the `tRNS` colour made fully transparent. Undefined when the data
 * does not fit (pngjs then reports why).
 */
function toRgba(rows: Uint8Array, meta: PngMeta): Uint8Array | undefined {
  const pixels = meta.width * meta.height;
  const { bpp, colorType } = meta;
  if (rows.length !== pixels * bpp) return undefined;
  // RGBA rows are the pixels already (`tRNS` only applies to grey and RGB images).
  if (bpp === 4) return rows;
  const out = new Uint8Array(pixels * 4);
  if (colorType === 3) {
    const palette = meta.palette;
    if (!Array.isArray(palette)) return undefined;
    for (let p = 0; p < pixels; p++) {
      const color = palette[rows[p]!];
      if (!color) return undefined;
      const o = p * 4;
      out[o] = color[0]!;
      out[o + 1] = color[1]!;
      out[o + 2] = color[2]!;
      out[o + 3] = color[3]!;
    }
    return out;
  }
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += bpp, o += 4) {
    if (bpp === 1 || bpp === 2) {
      const grey = rows[i]!;
      out[o] = grey;
      out[o + 1] = grey;
      out[o + 2] = grey;
      out[o + 3] = bpp === 2 ? rows[i + 1]! : 0xff;
    } else {
      out[o] = rows[i]!;
      out[o + 1] = rows[i + 1]!;
      out[o + 2] = rows[i + 2]!;
      out[o + 3] = bpp === 4 ? rows[i + 3]! : 0xff;
    }
  }
  const trans = meta.transColor;
  if (trans) {
    for (let o = 0; o < out.length; o += 4) {
      const match =
        trans.length === 1
          ? trans[0] === out[o]
          : trans[0] === out[o] && trans[1] === out[o + 1] && trans[2] === out[o + 2];
      if (match) out.fill(0, o, o + 4);
    }
  }
  return out;
}
