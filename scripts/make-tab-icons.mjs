// Draws the three tab-bar icons (首页 / 服务 / 我的) as 81×81 PNGs, grey and red, into src/assets/tab.
// Run once by hand when they change (`node scripts/make-tab-icons.mjs`); the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { PNG } from 'pngjs'

import { root } from './lib.mjs'

const SIZE = 81
const COLORS = { normal: [0x66, 0x66, 0x66], active: [0xc8, 0x16, 0x1d] }

/** Each shape answers whether pixel (x, y) is ink. */
const SHAPES = {
  home: (x, y) => {
    const roof =
      y >= 10 && y <= 40 && Math.abs(x - 40) <= (y - 10) * 1.1 && Math.abs(x - 40) >= (y - 10) * 1.1 - 7
    const walls = y > 38 && y <= 70 && x >= 18 && x <= 62 && (x <= 24 || x >= 56 || y >= 64)
    const door = y > 50 && y <= 70 && x >= 35 && x <= 45
    return roof || walls || door
  },
  services: (x, y) => {
    const cell = (cx, cy) => x >= cx && x < cx + 24 && y >= cy && y < cy + 24
    return cell(12, 12) || cell(45, 12) || cell(12, 45) || cell(45, 45)
  },
  mine: (x, y) => {
    const head = (x - 40) ** 2 + (y - 26) ** 2 <= 13 ** 2
    const body = y >= 46 && y <= 70 && (x - 40) ** 2 / 28 ** 2 + (y - 70) ** 2 / 24 ** 2 <= 1
    return head || body
  },
}

const out = join(root, 'src', 'assets', 'tab')
mkdirSync(out, { recursive: true })
for (const [name, inked] of Object.entries(SHAPES)) {
  for (const [variant, [r, g, b]] of Object.entries(COLORS)) {
    const png = new PNG({ width: SIZE, height: SIZE })
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const i = (y * SIZE + x) * 4
        png.data[i] = r
        png.data[i + 1] = g
        png.data[i + 2] = b
        png.data[i + 3] = inked(x, y) ? 255 : 0
      }
    }
    writeFileSync(join(out, `${name}${variant === 'active' ? '-active' : ''}.png`), PNG.sync.write(png))
  }
}
console.log(`tab icons written to ${out}`)
