import { join, resolve } from 'node:path'

import { startHost } from './host'

/** `npm start` runs this (bundled to dist/host/main.js): the local host with the demo street. */
async function run(): Promise<void> {
  const root = resolve(__dirname, '..', '..')
  const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(root, '.localdata')
  const host = await startHost({
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir,
    functionsDir: join(root, 'dist', 'cloudfunctions'),
    h5Dir: join(root, 'dist', 'h5'),
  })
  process.stdout.write(`基层党建助手 本地环境已启动：${host.url}\n数据目录：${dataDir}\n`)
  const stop = () => host.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

run().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
