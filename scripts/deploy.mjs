// `npm run deploy`: bundles deploy/cli.ts (TypeScript: it reads the function manifests and collections.ts as
// typed modules) with esbuild and runs it. The deployment tools (miniprogram-ci, @cloudbase/manager-node) stay
// external: deploy/tools.ts loads them from deploy-tools/ in a real run only. See deploy/cli.ts for the options.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { build } from 'esbuild'
import { root } from './lib.mjs'

const outfile = join(root, 'dist', 'deploy', 'cli.cjs')
mkdirSync(join(root, 'dist', 'deploy'), { recursive: true })
await build({
  entryPoints: [join(root, 'deploy', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['miniprogram-ci', '@cloudbase/*', 'wx-server-sdk'],
  logLevel: 'warning',
})
const { main } = createRequire(import.meta.url)(outfile)
try {
  process.exitCode = await main(process.argv.slice(2), root, process.env, (line) => console.log(line))
} catch (error) {
  console.error(`deploy failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
}
