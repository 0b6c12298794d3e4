/**
 * Document ids shaped like CloudBase's: 32 lowercase hex characters. The leading seconds and the per-process
 * counter make ids from one process sort in insertion order, which gives the store a stable natural order.
 */
import { randomBytes } from 'crypto'

const processPart = randomBytes(8).toString('hex')
let counter = randomBytes(4).readUInt32BE(0)

export function newDocId(now: number = Date.now()): string {
  counter = (counter + 1) >>> 0
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}${processPart}${counter.toString(16).padStart(8, '0')}`
}
