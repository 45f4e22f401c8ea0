/** An sRGB colour with 8-bit channels. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

const HEX6 = /^#([0-9a-f]{6})$/i;
const HEX3 = /^#([0-9a-f]{3})$/i;

/**
 * Parses `#rrggbb` or the short `#rgb` form; undefined for anything else.
 * @example parseHexColor('#da3b01') // { r: 218, g: 59, b: 1 }
 */
export function parseHexColor(value: string): Rgb | undefined {
  const s = value.trim();
  let hex = HEX6.exec(s)?.[1];
  if (!hex) {
    const short = HEX3.exec(s)?.[1];
    if (!short) return undefined;
    hex = [...short].map((c) => c + c).join('');
  }
  const n = Number.parseInt(hex, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/** `#rrggbb`, lower-case. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Largest per-channel difference, 0..255: a simple, predictable tolerance measure. */
export function channelDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b));
}

/** Colours the certification review refuses as brand or icon background colour. */
export const FORBIDDEN_BRAND_COLORS: ReadonlySet<string> = new Set(['#007ee5', '#ffffff']);

/** The brand colour every independent-publisher connector uses. */
export const INDEPENDENT_PUBLISHER_COLOR = '#da3b01';

/** Rec. 709 luma of the gamma-encoded channels, 0..1: how light a colour looks. */
export function luma({ r, g, b }: Rgb): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/**
 * Luma at or above which a colour is "near white". The spec suggests 0.95 but names `#eeeeee`
 * (0.933) and `#f2f2f2` (0.949) as near-white brand colours seen in the corpus, so the line is 0.93.
 */
export const NEAR_WHITE_LUMA = 0.93;

/** A colour that is not pure white but close enough to vanish on a white page. */
export function isNearWhite(color: Rgb): boolean {
  return luma(color) >= NEAR_WHITE_LUMA && toHex(color) !== '#ffffff';
}
