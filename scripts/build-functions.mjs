// Bundles each cloud function its manifest names (cloudfunctions/manifests.ts) from
// cloudfunctions/<name>/index.ts into dist/cloudfunctions/<name>/, with the package.json and
// config.json the manifest implies, ready for WeChat DevTools or miniprogram-ci to deploy.
// Shared code (common/, domain/, contract/) is bundled in, never copied; wx-server-sdk stays
// external and is installed by the platform from the function's package.json. Heavy libraries
// (LAZY_VENDORS) go into a file of their own beside index.js, loaded on first use (see below).
import { copyFileSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = join(root, 'cloudfunctions')
const out = join(root, 'dist', 'cloudfunctions')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** A manifest that reaches the SDK (through a service, say) would run `cloud.init` in the build: refused. */
const refuseSdk = {
  name: 'manifests-never-reach-the-sdk',
  setup(build) {
    build.onResolve({ filter: /^wx-server-sdk$/ }, ({ importer }) => ({
      errors: [
        {
          text: `a function manifest reaches wx-server-sdk (imported by ${importer}): manifests import only the contract, common/collections and common/manifest`,
        },
      ],
    }))
  },
}

/**
 * The function manifests (cloudfunctions/manifests.ts), read by bundling that module with esbuild and
 * importing the result. The manifests stay TypeScript, typed against the contract and the collection
 * names, instead of a JSON copy that tsc could not check; the module imports only the contract, zod
 * and the collection names, never the SDK, so loading it runs no function code (0.4–0.6 s measured,
 * on a loaded 2-core machine).
 */
export async function loadManifests(entry = join(source, 'manifests.ts')) {
  const bundled = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [refuseSdk],
  })
  const code = bundled.outputFiles[0].text
  const { MANIFESTS } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
  return Object.values(MANIFESTS)
}

/** What CloudBase reads from a function's folder besides its code: openapi grants, its timer trigger, its timeout. */
function configOf(manifest) {
  const config = { permissions: { openapi: [...manifest.openapi] }, timeout: manifest.timeout }
  if (manifest.triggers.length > 0) config.triggers = [...manifest.triggers]
  return config
}

/**
 * Libraries that only some routes need and that would cost every cold start their parse time if they sat in
 * index.js (exceljs: 1.1 MB, org and quiz at ~1.6× the bare SDK's load time). Each is bundled on its own into
 * `<function>/vendor/<file>`, and the function's code reaches it only through `await import('<library>')` inside
 * the routes that need it (cloudfunctions/common/xlsx.ts), which esbuild turns into a `require` of that file at
 * that moment. A static import would load it at start again: scripts/measure-load.mjs shows it.
 */
const LAZY_VENDORS = { exceljs: 'exceljs.js' }

const VENDOR_DIR = 'vendor'

const lazyVendors = {
  name: 'lazy-vendors',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_VENDORS).join('|')})$`)
    b.onResolve({ filter }, (args) => ({
      path: `./${VENDOR_DIR}/${LAZY_VENDORS[args.path]}`,
      external: true,
    }))
  },
}

const requireHere = createRequire(import.meta.url)

/** Each lazy vendor bundled once per build (into dist/cloudfunctions/.vendor), then copied where needed. */
function vendorBuilder() {
  const built = new Map()
  return (name) => {
    if (!built.has(name)) {
      const outfile = join(out, '.vendor', LAZY_VENDORS[name])
      built.set(
        name,
        build({
          entryPoints: [requireHere.resolve(name)],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'cjs',
          target: 'node16',
          minify: true,
          legalComments: 'none',
          logLevel: 'warning',
        }).then(() => outfile),
      )
    }
    return built.get(name)
  }
}

export async function buildFunctions({ minify = true } = {}) {
  rmSync(out, { recursive: true, force: true })
  const manifests = await loadManifests()
  const vendor = vendorBuilder()
  await Promise.all(
    manifests.map(async (manifest) => {
      const { name } = manifest
      const dir = join(out, name)
      mkdirSync(dir, { recursive: true })
      const result = await build({
        entryPoints: [join(source, name, 'index.ts')],
        outfile: join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node16',
        external: ['wx-server-sdk'],
        plugins: [lazyVendors],
        // `import()` becomes `require()` of the vendor file: a real dynamic import would go through node's ESM
        // loader, which jest's module sandbox (the function tests) does not provide.
        supported: { 'dynamic-import': false },
        metafile: true,
        minify,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      })
      const used = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path))
      for (const [library, file] of Object.entries(LAZY_VENDORS)) {
        if (!used.includes(`./${VENDOR_DIR}/${file}`)) continue
        mkdirSync(join(dir, VENDOR_DIR), { recursive: true })
        copyFileSync(await vendor(library), join(dir, VENDOR_DIR, file))
      }
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
      writeFileSync(join(dir, 'config.json'), JSON.stringify(configOf(manifest), null, 2) + '\n')
    }),
  )
  rmSync(join(out, '.vendor'), { recursive: true, force: true })
  return manifests.map((m) => m.name)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildFunctions()
  console.log(`bundled ${names.length} cloud functions into dist/cloudfunctions: ${names.join(', ')}`)
}
