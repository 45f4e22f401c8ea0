/** Draws the example connector's icon: 230×230, brand colour background, a white check mark. */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const [out = 'examples/tasklane/icon.png', hex = '#2f6f4f'] = process.argv.slice(2);
const size = 230;
const png = new PNG({ width: size, height: size });
const bg = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const onCheck = (x: number, y: number) => {
  // Two thick strokes of a check mark inside the central 160×160 area.
  const d1 = Math.abs(y - x - 30) < 14 && x > 60 && x < 110;
  const d2 = Math.abs(y + x - 250) < 14 && x >= 104 && x < 175;
  return d1 || d2;
};
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const i = (y * size + x) * 4;
    const white = onCheck(x, y);
    png.data[i] = white ? 255 : (bg[0] ?? 0);
    png.data[i + 1] = white ? 255 : (bg[1] ?? 0);
    png.data[i + 2] = white ? 255 : (bg[2] ?? 0);
    png.data[i + 3] = 255;
  }
}
writeFileSync(out, PNG.sync.write(png));
console.log(`${out} written`);
