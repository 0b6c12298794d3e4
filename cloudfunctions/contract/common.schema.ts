import * as z from 'zod'

import { ID_MAX, joinedIdMax } from '../domain/ids'

/** Building blocks shared by every action's input schema: bounded, trimmed, typed. */
/** The field's name comes from the router's labels: 活动编号不能为空, 党员编号不能超过64个字. */
export const boundedId = (max: number) => z.string().trim().min(1).max(max)
export const id = boundedId(ID_MAX)
/** The id of a record kept once per pair of records (`<sessionId>_<memberId>`: a leave). */
export const pairId = boundedId(joinedIdMax(ID_MAX, ID_MAX))
export const shortText = (label: string, max = 50) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}字`)
export const paging = {
  offset: z.number().int().min(0).max(100_000).optional(),
  limit: z.number().int().min(1).max(50).optional(),
}
export const empty = z.strictObject({})
