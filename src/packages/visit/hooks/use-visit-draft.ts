import { useState } from 'react'

import { dateOf } from '../../../../cloudfunctions/domain/time'
import {
  DAY_MS,
  slotEnd,
  VISIT_SLOT_KEYS,
  VISIT_SLOTS,
  VISIT_TYPES,
  type VisitSlot,
  type VisitType,
} from '../../../../cloudfunctions/domain/visit.rules'
import type { PickedPhoto } from '../../../services/photo-picker'
import { newSubmitKey } from '../../../services/submit-key'
import type { VisitDraft } from '../../../stores/visit.store'

/** 尽快, or one of the next three days. */
export type WhenChoice = 'soon' | 'd0' | 'd1' | 'd2'
const DAY_NAMES = ['今天', '明天', '后天']

export interface DraftFields {
  serviceType: VisitType | null
  orgId: string | null
  address: string
  phone: string
  when: WhenChoice
  slot: VisitSlot | null
  description: string
  photo: PickedPhoto | null
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

/** The first thing missing, in the words of the form, or null when the request can be sent. */
export function missingOf(f: DraftFields): string | null {
  if (!f.serviceType) return '请选择需要什么帮助'
  if (!f.orgId) return '请选择您所在的社区'
  if (f.address.trim() === '') return '请填写上门的地址'
  if (!PHONE.test(f.phone.trim())) return '请填写11位手机号，或带区号的座机号'
  if (f.when !== 'soon' && !f.slot) return '请选择上午、下午或晚上'
  if (f.description.trim() === '') return '请简单说说需要做什么'
  return null
}

export function dayOf(when: WhenChoice, now: number): string | null {
  return when === 'soon' ? null : dateOf(now + Number(when.slice(1)) * DAY_MS)
}

/** The day choices, and for a chosen day the parts of it not yet over. */
export function whenOptions(now: number) {
  const days = [
    { value: 'soon' as const, label: '尽快' },
    ...DAY_NAMES.map((label, i) => ({ value: `d${i}` as WhenChoice, label })),
  ]
  const slotsFor = (when: WhenChoice) => {
    const date = dayOf(when, now)
    return date === null
      ? []
      : VISIT_SLOT_KEYS.filter((slot) => (slotEnd({ date, slot }) ?? 0) > now).map((slot) => ({
          value: slot,
          label: VISIT_SLOTS[slot].label,
        }))
  }
  return { days, slotsFor }
}

export const TYPE_OPTIONS = (Object.keys(VISIT_TYPES) as VisitType[]).map((value) => ({
  value,
  label: VISIT_TYPES[value],
}))

/** The request form's fields, with the type from the link (a 服务 tile) chosen already. */
export function useVisitDraft(initialType: VisitType | null) {
  const [fields, setFields] = useState<DraftFields>({
    serviceType: initialType,
    orgId: null,
    address: '',
    phone: '',
    when: 'soon',
    slot: null,
    description: '',
    photo: null,
  })
  // One key for this form, however many times it is sent: the request is stored once.
  const [submitKey] = useState(newSubmitKey)
  const update = (patch: Partial<DraftFields>) => setFields((f) => ({ ...f, ...patch }))
  const toDraft = (now: number): VisitDraft | null => {
    if (missingOf(fields) || !fields.serviceType || !fields.orgId) return null
    const date = dayOf(fields.when, now)
    return {
      serviceType: fields.serviceType,
      orgId: fields.orgId,
      address: fields.address.trim(),
      phone: fields.phone.trim(),
      preferredDate: date,
      preferredSlot: date === null ? null : fields.slot,
      description: fields.description.trim(),
      photo: fields.photo?.source ?? null,
      submitKey,
    }
  }
  return { fields, update, toDraft }
}
