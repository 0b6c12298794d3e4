import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { COLLECTIONS, INDEXES } from '../../cloudfunctions/common/collections'

/** The deploy guide is what an operator follows in the CloudBase console: it must name every collection and index. */
describe('docs/DEPLOY.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'DEPLOY.md'), 'utf8')
  // Table rows as trimmed cells (Prettier pads the columns).
  const rows = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()))

  it.each(Object.values(COLLECTIONS))('names the collection %s', (name) => {
    expect(doc).toContain(`\`${name}\``)
  })

  it.each(INDEXES.map((i) => [i.collection, i.name, i] as const))(
    'lists the index %s.%s with its fields',
    (collection, name, index) => {
      const row = rows.find((cells) => cells[1] === `\`${collection}\`` && cells[2] === `\`${name}\``)
      expect(row).toBeDefined()
      const fields = Object.entries(index.fields).map(([field, order]) => `\`${field}\` ${order}`)
      expect(row?.[3]).toBe(fields.join(', '))
      expect(row?.[4]).toBe(index.unique ? 'yes' : 'no')
    },
  )
})
