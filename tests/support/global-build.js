// Jest global setup: the function and host tests drive the real bundles, so bundle them first
// (esbuild, under a second). The weapp and H5 builds are made by scripts/test.mjs.
module.exports = async () => {
  const { buildFunctions } = await import('../../scripts/build-functions.mjs')
  const { buildHost } = await import('../../scripts/build-host.mjs')
  await Promise.all([buildFunctions(), buildHost()])
}
