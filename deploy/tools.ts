import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * miniprogram-ci, @cloudbase/manager-node and @cloudbase/node-sdk live in deploy-tools/ (its own package.json,
 * exact versions), installed by `npm run deploy:tools`, never by `npm ci`: miniprogram-ci brings 1,168 packages
 * (292 MB) including native addons (@swc/core, @parcel/watcher with a node-gyp install script) and install
 * scripts (one of which may download @swc/wasm), which this project's install must not run. They are required
 * here, only by a real deployment or the staging suite; a dry run never loads them.
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
