import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { RULES } from '../../deploy/rules'

/**
 * The security rules `npm run deploy` applies (deploy/rules/*.json). Cloud functions are not bound by them; the
 * mini-program is: it must never read or write the database, nor read any stored file.
 */
describe('the security rules', () => {
  const raw = (name: string) =>
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'deploy', 'rules', name), 'utf8'))

  it('are the JSON files in deploy/rules, with exactly read and write', () => {
    expect(RULES.database).toEqual(raw('database.json'))
    expect(RULES.storage).toEqual(raw('storage.json'))
    expect(Object.keys(RULES.database).sort()).toEqual(['read', 'write'])
    expect(Object.keys(RULES.storage).sort()).toEqual(['read', 'write'])
  })

  it('give the mini-program no direct read or write of any collection', () => {
    expect(RULES.database).toEqual({ read: false, write: false })
  })

  it('let no file be read from the mini-program: signatures and exports come only as temporary URLs from a function', () => {
    expect(RULES.storage.read).toBe(false)
  })

  it('let a signed-in user write only their own files, never anyone else’s', () => {
    expect(typeof RULES.storage.write).toBe('string')
    const write = String(RULES.storage.write)
    expect(write).toMatch(/^resource\.openid\s*==\s*auth\.openid$/)
  })
})
