import { isObject, type JsonObject, ownString } from '../connector/json.ts';
import { FORBIDDEN_BRAND_COLORS } from '../validate/helpers/colors.ts';

function hex2(n: number): string {
  return Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, '0');
}

/** HSL (degrees, 0–1, 0–1) → `#rrggbb`. */
export function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return `#${hex2(f(0) * 255)}${hex2(f(8) * 255)}${hex2(f(4) * 255)}`;
}

/** True for a `#rrggbb` colour certification accepts: not white, not the default blue, not near white. */
export function acceptableBrandColor(color: string): boolean {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return false;
  const lower = color.toLowerCase();
  if (FORBIDDEN_BRAND_COLORS.has(lower)) return false;
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(lower.slice(i, i + 2), 16) / 255);
  const luma = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luma < 0.85;
}

/**
 * The brand colour: the one asked for, else the description's `x-logo.backgroundColor` when
 * certification accepts it, else a dark colour derived from the title (the same title always gives
 * the same colour, and white text stays readable on it).
 */
export function brandColor(info: JsonObject | undefined, root: JsonObject, requested?: string): string {
  if (requested && acceptableBrandColor(requested)) return requested.toLowerCase();
  const logo = isObject(root['x-logo'])
    ? root['x-logo']
    : isObject(info?.['x-logo'])
      ? info['x-logo']
      : undefined;
  const fromLogo = ownString(logo, 'backgroundColor');
  if (fromLogo && acceptableBrandColor(fromLogo)) return fromLogo.toLowerCase();
  const title = ownString(info, 'title') ?? 'connector';
  let hash = 2166136261;
  for (let i = 0; i < title.length; i++) hash = Math.imul(hash ^ title.charCodeAt(i), 16777619) >>> 0;
  return hslToHex(hash % 360, 0.55, 0.36);
}
