import type { CallContext } from '../common/caller'
import { collection } from '../common/data'
import type { AuditDoc } from '../common/docs'

/** Who changed the organisation or the roster, and when: kept for the street's own records. */
export async function writeAudit(
  ctx: CallContext,
  entry: Omit<AuditDoc, '_id' | 'actor' | 'at'>,
): Promise<void> {
  const caller = await ctx.member()
  const doc: Omit<AuditDoc, '_id'> = { ...entry, actor: caller.member._id, at: ctx.now }
  await collection('audit').add({ data: doc })
}
