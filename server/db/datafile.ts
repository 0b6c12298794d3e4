/**
 * Helpers around nedb's append-only datafiles.
 */
import { promises as fs } from 'fs'

/**
 * Drops a half-written last line left by a process killed mid-append. Such a line was never acknowledged
 * (nedb resolves a write only after the whole append), and leaving it would count as corruption: nedb
 * refuses to load a file whose corrupt share exceeds its threshold, which a single bad line in a small
 * file does.
 */
export async function dropPartialLastLine(file: string): Promise<void> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    const { size } = await handle.stat()
    if (size === 0) return
    const chunk = Buffer.alloc(64 * 1024)
    let end = size
    let lastNewline = -1
    let first = true
    while (end > 0 && lastNewline < 0) {
      const start = Math.max(0, end - chunk.length)
      const { bytesRead } = await handle.read(chunk, 0, end - start, start)
      if (first && chunk[bytesRead - 1] === 0x0a) return // file ends cleanly
      first = false
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a)
      if (at >= 0) lastNewline = start + at
      end = start
    }
    await handle.truncate(lastNewline + 1)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
