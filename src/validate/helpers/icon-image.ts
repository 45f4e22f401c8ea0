import type { ConnectorFile } from '../../connector/model.ts';
import { channelDistance, type Rgb } from './colors.ts';
import { readPng } from './png-pixels.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The decoded icon, or why it could not be decoded. */
export type IconImage =
  | {
      readonly ok: true;
      readonly width: number;
      readonly height: number;
      /** RGBA, 8 bits per channel, row by row; undefined when the image is too large to decode. */
      readonly data: Uint8Array | undefined;
    }
  | { readonly ok: false; readonly reason: 'not-png' | 'corrupt'; readonly detail: string };

/** Background as seen at the image border. */
export interface IconBackground {
  /** Border pixels whose alpha is below 255. */
  readonly transparentBorderPixels: number;
  readonly borderPixels: number;
  /** Average colour of the four corner patches when they are opaque and agree; else undefined. */
  readonly color: Rgb | undefined;
}

const images = new WeakMap<ConnectorFile, IconImage>();
const backgrounds = new WeakMap<ConnectorFile, IconBackground>();

/** Whether the bytes start with the 8-byte PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Decodes `icon.png` once per file; never throws. */
export function iconImage(file: ConnectorFile): IconImage {
  let image = images.get(file);
  if (!image) {
    image = decode(file.bytes);
    images.set(file, image);
  }
  return image;
}

/** Icons above this many pixels are measured from their header but not decoded (memory, time). */
const MAX_DECODED_PIXELS = 4096 * 4096;

function decode(bytes: Uint8Array): IconImage {
  if (!hasPngSignature(bytes)) return { ok: false, reason: 'not-png', detail: describeFormat(bytes) };
  // The IHDR chunk comes first: length (4), type (4), width (4), height (4).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(12) === 0x49484452) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width * height > MAX_DECODED_PIXELS) return { ok: true, width, height, data: undefined };
  }
  try {
    const png = readPng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { ok: true, width: png.width, height: png.height, data: png.data };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: (error as Error)?.message ?? String(error) };
  }
}

/** What a non-PNG file looks like, for messages. */
function describeFormat(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'a JPEG image';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'a GIF image';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'a BMP image';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG image';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'a WebP image';
  return 'not a PNG file';
}

/** Corner patches that differ by no more than this (per channel) count as one background colour. */
const CORNER_AGREEMENT = 24;

/**
 * Samples the image border: transparency of the outer ring and the colour of the four corners;
 * undefined for images too large to decode.
 */
export function iconBackground(
  file: ConnectorFile,
  image: IconImage & { ok: true },
): IconBackground | undefined {
  if (!image.data) return undefined;
  let bg = backgrounds.get(file);
  if (!bg) {
    bg = sample(image.width, image.height, image.data);
    backgrounds.set(file, bg);
  }
  return bg;
}

function sample(width: number, height: number, data: Uint8Array): IconBackground {
  const alpha = (x: number, y: number) => data[(y * width + x) * 4 + 3] ?? 0;
  let transparent = 0;
  let border = 0;
  const ring = (x: number, y: number) => {
    border++;
    if (alpha(x, y) < 255) transparent++;
  };
  for (let x = 0; x < width; x++) {
    ring(x, 0);
    if (height > 1) ring(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    ring(0, y);
    if (width > 1) ring(width - 1, y);
  }
  const size = Math.max(1, Math.floor(Math.min(width, height) * 0.03));
  let translucentCorner = false;
  const patch = (x0: number, y0: number): Rgb => {
    let r = 0;
    let g = 0;
    let b = 0;
    let count = 0;
    for (let y = y0; y < y0 + size && y < height; y++) {
      for (let x = x0; x < x0 + size && x < width; x++) {
        const i = (y * width + x) * 4;
        r += data[i] ?? 0;
        g += data[i + 1] ?? 0;
        b += data[i + 2] ?? 0;
        if ((data[i + 3] ?? 0) < 255) translucentCorner = true;
        count++;
      }
    }
    const n = Math.max(1, count);
    return { r: Math.round(r / n), g: Math.round(g / n), b: Math.round(b / n) };
  };
  const corners = [
    patch(0, 0),
    patch(Math.max(0, width - size), 0),
    patch(0, Math.max(0, height - size)),
    patch(Math.max(0, width - size), Math.max(0, height - size)),
  ];
  const first = corners[0]!;
  const agree = !translucentCorner && corners.every((c) => channelDistance(c, first) <= CORNER_AGREEMENT);
  const color = agree
    ? {
        r: Math.round(corners.reduce((s, c) => s + c.r, 0) / 4),
        g: Math.round(corners.reduce((s, c) => s + c.g, 0) / 4),
        b: Math.round(corners.reduce((s, c) => s + c.b, 0) / 4),
      }
    : undefined;
  return { transparentBorderPixels: transparent, borderPixels: border, color };
}
