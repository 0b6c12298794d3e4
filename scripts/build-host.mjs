// Bundles the local host (server/main.ts) into dist/host/main.js. Packages stay external so the
// host and the bundled cloud functions share one wx-server-sdk instance from node_modules: the
// database transport the host installs is the one the functions' SDK uses.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildHost() {
  await build({
    entryPoints: [join(root, 'server', 'main.ts')],
    outfile: join(root, 'dist', 'host', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildHost()
  console.log('bundled the local host into dist/host/main.js')
}
