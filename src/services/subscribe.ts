import Taro from '@tarojs/taro'

import type { VisitMessageKind } from '../../cloudfunctions/domain/visit.rules'
import { call } from './cloud'

/**
 * Asks the person to allow the messages of these kinds, as WeChat requires: from their tap, before anything
 * else is awaited. The template ids are the deployment's (`MeView.visitTemplateIds`, from the functions'
 * environment); with none known yet nothing is asked. Each one they allow lets the server send one message, so
 * the server is told what was allowed (it keeps the count; WeChat offers no way to read it). Never fails the tap:
 * a refusal or an error only means no message. In the H5 demo there is no such dialog: the local host's outbox
 * stands in, so it counts as allowed.
 */
export function askForMessages(
  kinds: readonly VisitMessageKind[],
  templateIds: Readonly<Record<VisitMessageKind, string>> | null,
): void {
  const granted = async (): Promise<VisitMessageKind[]> => {
    if (process.env.TARO_ENV === 'h5') return [...kinds]
    if (templateIds === null) return []
    const ids = kinds.map((k) => templateIds[k])
    const res: Record<string, unknown> = {
      ...(await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })),
    }
    return kinds.filter((k) => res[templateIds[k]] === 'accept')
  }
  void granted()
    .then((allowed) => (allowed.length > 0 ? call('visit', 'visit/subscribe', { kinds: allowed }) : null))
    .catch(() => undefined)
}

/**
 * Asks the member, from their 报名 tap, to allow one message of `templateId` (a volunteer activity's notice, sent if
 * it is cancelled). WeChat keeps the count of what was allowed for a one-off template; nothing to tell the server.
 * Never fails the tap; in the H5 demo there is no dialog (the local host's outbox stands in).
 */
export function askForNotice(templateId: string): void {
  if (process.env.TARO_ENV !== 'weapp' || templateId === '') return
  Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] }).catch(() => undefined)
}
