// Bundles each cloud function (cloudfunctions/<name>/index.ts) into dist/cloudfunctions/<name>/
// with its own package.json and config.json, ready for WeChat DevTools or miniprogram-ci to
// deploy. Shared code (common/, domain/, contract/) is bundled in, never copied; wx-server-sdk
// stays external and is installed by the platform from the function's package.json.
import { readFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'cloudfunctions')
const out = join(root, 'dist', 'cloudfunctions')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** openapi permissions each function needs in production (config.json). */
const PERMISSIONS = {
  account: [],
  org: [],
  quiz: [],
  study: ['wxacode.getUnlimited'],
}

/** The deployable functions; common/, domain/ and contract/ are libraries bundled into them. */
export function functionNames() {
  return Object.keys(PERMISSIONS).filter((name) => existsSync(join(source, name, 'index.ts')))
}

export async function buildFunctions({ minify = true } = {}) {
  rmSync(out, { recursive: true, force: true })
  const names = functionNames()
  await Promise.all(
    names.map(async (name) => {
      const dir = join(out, name)
      mkdirSync(dir, { recursive: true })
      await build({
        entryPoints: [join(source, name, 'index.ts')],
        outfile: join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node16',
        external: ['wx-server-sdk'],
        minify,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      })
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify(
          {
            name,
            version: pkg.version,
            private: true,
            main: 'index.js',
            dependencies: { 'wx-server-sdk': pkg.dependencies['wx-server-sdk'] },
          },
          null,
          2,
        ) + '\n',
      )
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ permissions: { openapi: PERMISSIONS[name] ?? [] } }, null, 2) + '\n',
      )
    }),
  )
  return names
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildFunctions()
  console.log(`bundled ${names.length} cloud functions into dist/cloudfunctions: ${names.join(', ')}`)
}
