// `node scripts/rebuild-rollups.mjs [data folder]`: recomputes every monthly rollup of a local data folder (default
// DATA_DIR or .localdata) from its raw records, through the `stats` function's own `rollups/rebuild` action run as
// the street's admin — the same code the admin's action runs on CloudBase. Stop the host first: the rebuild should
// run when nobody writes (an increment made meanwhile may be overwritten; the nightly check would report it).
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

import { build } from 'esbuild'

import { buildFunctions } from './build-functions.mjs'
import { root, step } from './lib.mjs'

const dataDir = resolve(process.argv[2] ?? process.env.DATA_DIR ?? join(root, '.localdata'))
step(`rebuilding the rollups of ${dataDir}`)
await buildFunctions()
const outfile = join(root, 'dist', 'scripts', 'local-backend.cjs')
await build({
  entryPoints: [join(root, 'server', 'backend.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  packages: 'external',
  logLevel: 'error',
})
const { startLocalBackend } = createRequire(outfile)(outfile)
const backend = await startLocalBackend({
  dataDir,
  functionsDir: join(root, 'dist', 'cloudfunctions'),
})
try {
  const members = await backend.database.documents('members')
  const street = (await backend.database.documents('orgs')).find((o) => o.parentId === null)
  const admin = members.find(
    (m) => m.openid && m.roles.some((r) => r.role === 'street_admin' && r.orgId === street?._id),
  )
  if (!admin)
    throw new Error(
      `no bound street admin (${members.length} members, street ${street?._id}) in this data folder: nobody to run the rebuild as`,
    )
  const result = await backend.runtime.invoke(
    'stats',
    { action: 'rollups/rebuild', data: {} },
    { openid: admin.openid },
  )
  if (!result.ok) throw new Error(`${result.code} ${result.message}`)
  const r = result.data
  console.log(
    `rollups: ${r.buckets} node-months, ${r.changed} rewritten, ${r.removed} emptied; tallies corrected: ${r.tallies}`,
  )
} finally {
  await backend.close()
}
