/**
 * The `cloud.openapi.<namespace>.<name>` calls in a built function bundle, against the permissions its config.json
 * grants. wx-server-sdk stays outside the bundle, so every such member access in it is the function's own call.
 * A call not granted fails on CloudBase at the moment it is made; a grant not called is a permission the function
 * should not hold. The manifest test checks both for every bundle, and `npm run deploy` refuses to upload either.
 */
export function openapiCalls(bundle: string): string[] {
  const calls = [...bundle.matchAll(/\.openapi\.(\w+)\.(\w+)/g)].map(([, ns, api]) => `${ns}.${api}`)
  return [...new Set(calls)].sort()
}

export function openapiMismatch(
  bundle: string,
  granted: readonly string[],
): { undeclared: string[]; unused: string[] } {
  const calls = openapiCalls(bundle)
  return {
    undeclared: calls.filter((c) => !granted.includes(c)),
    unused: [...new Set(granted)].filter((g) => !calls.includes(g)).sort(),
  }
}
