import type { VisitContact, VisitView } from '@contract/index'
import { Button, Text } from '@tarojs/components'

export interface ContactLineProps {
  visit: VisitView
  contact: VisitContact | undefined
  onReveal: () => void
}

/** The resident's phone and address, shown only on tap (the server logs each reveal), to those who may. */
export function ContactLine({ visit, contact, onReveal }: ContactLineProps) {
  if (!visit.can.contact) return null
  if (contact) {
    return (
      <Text className="t-body visit-contact">
        电话：{contact.phone}
        {'\n'}地址：{contact.address}
      </Text>
    )
  }
  return (
    <Button className="btn btn--ghost" onClick={onReveal}>
      查看电话和地址
    </Button>
  )
}
