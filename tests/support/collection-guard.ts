import type { CollectionName } from '../../cloudfunctions/common/collections'
import { MANIFESTS } from '../../cloudfunctions/manifests'
import { currentCall } from '../../server/call-context'
import { onRequest } from '../../server/db/transport'

/** The SDK's database requests (server/db/local-database.ts dispatch), by what they do to a collection. */
const ACCESS: Record<string, 'reads' | 'writes'> = {
  'database.getDocument': 'reads',
  'database.calculateDocument': 'reads',
  'database.aggregateDocuments': 'reads',
  'database.insertDocument': 'writes',
  'database.modifyDocument': 'writes',
  'database.modifyAndReturnDoc': 'writes',
  'database.removeDocument': 'writes',
}

/**
 * Holds every function to the collections its manifest declares. The runtime labels each call with its
 * function (server/call-context.ts), so concurrent calls are told apart; every database request the SDK
 * sends during a call is checked against that function's `reads` or `writes`. What is not declared
 * is collected, and `assertDeclared` (run when the backend closes) fails the test file naming it.
 */
export function guardCollections() {
  const undeclared = new Set<string>()
  const stop = onRequest((api, params) => {
    const fn = currentCall()?.label.split(' ')[0]
    const manifest = fn && fn in MANIFESTS ? MANIFESTS[fn as keyof typeof MANIFESTS] : undefined
    const collection = params.collectionName
    if (!manifest || typeof collection !== 'string') return
    const access = ACCESS[api]
    if (!access) undeclared.add(`${fn}: ${api} on ${collection} (a request this guard does not classify)`)
    else if (!(manifest[access] as readonly string[]).includes(collection as CollectionName)) {
      undeclared.add(`${fn} ${access} ${collection}`)
    }
  })
  return {
    undeclared: () => [...undeclared].sort(),
    assertDeclared() {
      stop()
      if (undeclared.size > 0) {
        throw new Error(
          `collections touched but not declared in the function's manifest (cloudfunctions/<name>/manifest.ts):\n  ${[...undeclared].sort().join('\n  ')}`,
        )
      }
    },
  }
}
