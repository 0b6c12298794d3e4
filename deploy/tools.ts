import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * miniprogram-ci, @cloudbase/manager-node and @cloudbase/node-sdk live in deploy-tools/ (its own package.json,
 * exact versions), installed by `npm run deploy:tools`, never by `npm ci`. Inspected with `npm install
 * --ignore-scripts` and `npm install-scripts ls`: miniprogram-ci 2.1.42 brings 1,168 packages (292 MB), among them
 * native addons (@swc/core 1.15 with a prebuilt binary, sass's @parcel/watcher with a `node-gyp rebuild` install
 * script) and install scripts (@swc/core's postinstall runs `npm install @swc/wasm` when its binary is missing,
 * less, protobufjs, core-js 2). Taro already brings an older @swc/core and @parcel/watcher; miniprogram-ci would add
 * its own copies and the download-capable postinstall for a step only a deployer runs. @cloudbase/manager-node has
 * neither. They are required here, only by a real deployment or the staging suite; a dry run never loads them.
 */
export const TOOLS_DIR = 'deploy-tools'

export function loadTool<T>(root: string, name: string): T {
  const requireTool = createRequire(join(root, TOOLS_DIR, 'package.json'))
  try {
    return requireTool(name) as T
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error
    throw new Error(
      `${name} is not installed: run \`npm run deploy:tools\` once (it installs into ${TOOLS_DIR}/)`,
    )
  }
}
