/**
 * Draws the add-in's icons (a three-bar chart on a rounded tile) at the sizes the manifest asks for.
 * Run with `npx tsx assets/make-icons.ts`; the PNGs are committed so the build needs no drawing step.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = [number, number, number, number];
const TILE: Rgba = [33, 115, 70, 255]; // Excel green
const BAR: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Colour of pixel (x, y) in a size × size icon, in unit coordinates so every size shares one drawing. */
function pixel(x: number, y: number, size: number): Rgba {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  // Three rising bars with a baseline: the "roll-up" of several projects.
  const bars = [
    { left: 0.2, right: 0.36, top: 0.55 },
    { left: 0.42, right: 0.58, top: 0.38 },
    { left: 0.64, right: 0.8, top: 0.2 },
  ];
  const bottom = 0.8;
  for (const b of bars) if (u >= b.left && u < b.right && v >= b.top && v < bottom) return BAR;
  if (v >= bottom && v < bottom + Math.max(0.06, 1 / size) && u >= 0.16 && u < 0.84) return BAR;
  return TILE;
}

export function drawIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const [r, g, b, a] = pixel(x, y, size);
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = join(__dirname, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    process.stdout.write(`wrote ${file}\n`);
  }
}
