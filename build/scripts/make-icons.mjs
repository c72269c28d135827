#!/usr/bin/env node
// Draws Dropsign's icons with Node alone (no image tools) and writes them as PNG files:
//   build/icon.png                       512×512 app icon (electron-builder makes .icns/.ico from it)
//   build/tray/tray[-active][@2x].png    16/32 px tray icons for Windows and Linux (at rest / uploading)
//   build/tray/tray[-active]Template[@2x].png   monochrome template images for the macOS menu bar
// The glyph is an arrow rising out of a tray. Shapes are defined on a unit square and rasterised with 8×8
// supersampling, so every size is anti-aliased. Run: node build/scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// --- PNG encoding (RGBA, 8 bits per channel, no interlace) -------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes on the unit square: each is (x, y) => inside? ----------------------------------------------
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const side = (px, py, qx, qy) => (qx - px) * (y - py) - (qy - py) * (x - px);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));
/** `shape` drawn into the box (x0, y0)-(x1, y1) instead of the unit square. */
const within = (shape, x0, y0, x1, y1) => (x, y) => shape((x - x0) / (x1 - x0), (y - y0) / (y1 - y0));

/** The glyph: an arrow rising out of a tray. */
const glyph = union(
  triangle(0.5, 0.14, 0.78, 0.44, 0.22, 0.44),
  rect(0.41, 0.4, 0.59, 0.66),
  rect(0.12, 0.78, 0.88, 0.9),
  rect(0.12, 0.56, 0.24, 0.9),
  rect(0.76, 0.56, 0.88, 0.9),
);

// --- Layers: [shape, [r, g, b, a]] painted in order; a = 0 clears what is below ----------------------
const BLUE = [37, 99, 235, 255];
const WHITE = [255, 255, 255, 255];
const AMBER = [245, 158, 11, 255];
const BLACK = [0, 0, 0, 255];
const CLEAR = [0, 0, 0, 0];

function render(size, layers, samples = 8) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]; // premultiplied, 0..1
      for (const [shape, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (shape((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const coverage = hits / samples ** 2;
        if (coverage === 0) continue;
        if (colour[3] === 0) {
          [r, g, b, a] = [r, g, b, a].map((v) => v * (1 - coverage));
          continue;
        }
        const alpha = (colour[3] / 255) * coverage;
        r = (colour[0] / 255) * alpha + r * (1 - alpha);
        g = (colour[1] / 255) * alpha + g * (1 - alpha);
        b = (colour[2] / 255) * alpha + b * (1 - alpha);
        a = alpha + a * (1 - alpha);
      }
      const i = (py * size + px) * 4;
      rgba[i] = a === 0 ? 0 : Math.round((r / a) * 255);
      rgba[i + 1] = a === 0 ? 0 : Math.round((g / a) * 255);
      rgba[i + 2] = a === 0 ? 0 : Math.round((b / a) * 255);
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

const appIcon = [
  [roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), BLUE],
  [within(glyph, 0.24, 0.22, 0.76, 0.78), WHITE],
];
const trayIcon = [
  [roundedRect(0, 0, 1, 1, 0.22), BLUE],
  [within(glyph, 0.16, 0.14, 0.84, 0.86), WHITE],
];
/** The "uploading" badge: an amber dot with a clear ring, bottom right. */
const badge = (colour) => [
  [circle(0.8, 0.8, 0.27), CLEAR],
  [circle(0.8, 0.8, 0.19), colour],
];
const templateIcon = [[within(glyph, 0.04, 0.04, 0.96, 0.96), BLACK]];

const files = {
  'icon.png': render(512, appIcon, 4),
  'tray/tray.png': render(16, trayIcon),
  'tray/tray@2x.png': render(32, trayIcon),
  'tray/tray-active.png': render(16, [...trayIcon, ...badge(AMBER)]),
  'tray/tray-active@2x.png': render(32, [...trayIcon, ...badge(AMBER)]),
  'tray/trayTemplate.png': render(16, templateIcon),
  'tray/trayTemplate@2x.png': render(32, templateIcon),
  'tray/tray-activeTemplate.png': render(16, [...templateIcon, ...badge(BLACK)]),
  'tray/tray-activeTemplate@2x.png': render(32, [...templateIcon, ...badge(BLACK)]),
};
for (const [name, png] of Object.entries(files)) {
  const file = join(buildDir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png);
  console.log(`${name}  ${png.length} bytes`);
}
