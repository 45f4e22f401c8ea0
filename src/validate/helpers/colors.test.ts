import { describe, expect, it } from 'vitest';
import { channelDistance, isNearWhite, luma, parseHexColor, toHex } from './colors.ts';

describe('colors', () => {
  it('parses six- and three-digit hex colours and rejects the rest', () => {
    expect(parseHexColor('#DA3B01')).toEqual({ r: 218, g: 59, b: 1 });
    expect(parseHexColor(' #fa0 ')).toEqual({ r: 255, g: 170, b: 0 });
    for (const bad of ['da3b01', '#da3b0', '#gggggg', 'red', '']) expect(parseHexColor(bad)).toBeUndefined();
  });
  it('writes lower-case six-digit hex', () => {
    expect(toHex({ r: 255, g: 170, b: 0 })).toBe('#ffaa00');
  });
  it('measures luma, channel distance and near-whiteness', () => {
    expect(luma({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
    expect(channelDistance({ r: 10, g: 20, b: 30 }, { r: 12, g: 10, b: 30 })).toBe(10);
    expect(isNearWhite(parseHexColor('#eeeeee')!)).toBe(true);
    expect(isNearWhite(parseHexColor('#ffffff')!)).toBe(false);
    expect(isNearWhite(parseHexColor('#dddddd')!)).toBe(false);
  });
});
