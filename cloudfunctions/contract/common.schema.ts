import * as z from 'zod'

import { ID_MAX, joinedIdMax } from '../domain/ids'

/** Building blocks shared by every action's input schema: bounded, trimmed, typed. */
/** The field's name comes from the router's labels: 活动编号不能为空, 党员编号不能超过64个字. */
export const boundedId = (max: number) => z.string().trim().min(1).max(max)
export const id = boundedId(ID_MAX)
/** The id of a record kept once per pair of records (`<sessionId>_<memberId>`: a leave). */
export const pairId = boundedId(joinedIdMax(ID_MAX, ID_MAX))
/**
 * A form's own key, made on the phone when the form opens and sent with every try: the record it creates is
 * stored once however often it arrives (common/data.ts `insertFromForm`). Without it every call is a new record.
 */
export const submitKey = z
  .string({ error: '提交编号应为文字' })
  .regex(/^[A-Za-z0-9]{16,40}$/, '提交编号不正确')
  .optional()
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
