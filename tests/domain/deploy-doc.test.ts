import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { COLLECTIONS, INDEXES } from '../../cloudfunctions/common/collections'
import { MANIFESTS } from '../../cloudfunctions/manifests'

/**
 * The deploy guide is what an operator follows in the CloudBase console: it must name every function
 * with what its manifest declares, and every collection and index.
 */
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

  describe('the functions', () => {
    const manifests = Object.values(MANIFESTS).map((m) => [m.name, m] as const)
    const code = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ')
    const isFunction = (cell: string | undefined) => manifests.some(([name]) => cell === `\`${name}\``)
    // Settings rows: | function | openapi | secrets | timer trigger | timeout |; collection rows: | function | reads | writes |.
    const settings = rows.filter((cells) => cells.length === 7 && isFunction(cells[1]))
    const collections = rows.filter((cells) => cells.length === 5 && isFunction(cells[1]))

    it('lists exactly the functions of cloudfunctions/manifests.ts, once in each table', () => {
      const names = manifests.map(([name]) => `\`${name}\``).sort()
      expect(settings.map((cells) => cells[1]).sort()).toEqual(names)
      expect(collections.map((cells) => cells[1]).sort()).toEqual(names)
    })

    it.each(manifests)('gives %s its openapi, secrets, trigger and timeout', (name, manifest) => {
      const row = settings.find((cells) => cells[1] === `\`${name}\``)
      const triggers = manifest.triggers.map((t) => `\`${t.name}\` \`${t.config}\``).join(', ')
      expect(row?.slice(2, 6)).toEqual([
        code(manifest.openapi),
        code(manifest.secrets),
        triggers,
        `${manifest.timeout} s`,
      ])
    })

    it.each(manifests)('gives %s the collections it reads and writes', (name, manifest) => {
      const row = collections.find((cells) => cells[1] === `\`${name}\``)
      expect(row?.slice(2, 4)).toEqual([code(manifest.reads), code(manifest.writes)])
    })

    it('deploys with npm run deploy, which reads the manifests, instead of a list of its own', () => {
      expect(doc).toContain('`npm run deploy`')
      expect(doc).toContain('`cloudfunctions/manifests.ts`, never from a list of its own')
      const quoted = manifests.map(([name]) => `'${name}'`)
      const lists = doc.split('\n').filter((line) => quoted.filter((q) => line.includes(q)).length > 1)
      expect(lists).toEqual([])
    })
  })
})
