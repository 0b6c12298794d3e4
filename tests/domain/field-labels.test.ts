import { FIELD_LABELS } from '../../cloudfunctions/contract/field-labels'
import { fieldPaths, INPUTS } from '../support/schema-fields'

it('every field of every action has a Chinese name for messages about it', () => {
  const names = new Set(
    Object.values(INPUTS)
      .flatMap((inputs) => Object.values(inputs).flatMap((schema) => fieldPaths(schema)))
      .flatMap((path) => path.filter((part): part is string => typeof part === 'string' && part !== 'k')),
  )
  const missing = [...names].filter((name) => !Object.prototype.hasOwnProperty.call(FIELD_LABELS, name))
  expect(missing).toEqual([])
  for (const label of Object.values(FIELD_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fa5“”]+$/)
})
