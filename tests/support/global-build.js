// Jest global setup: the function tests drive the real bundles, so bundle them first (~0.5 s).
module.exports = async () => {
  const { buildFunctions } = await import('../../scripts/build-functions.mjs')
  await buildFunctions()
}
