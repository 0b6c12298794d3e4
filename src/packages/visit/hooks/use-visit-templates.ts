import type { VisitMessageKind } from '../../../../cloudfunctions/domain/visit.rules'
import { useMe } from '../../../hooks/use-me'

/**
 * The deployment's 上门服务 template ids (`MeView.visitTemplateIds`), loaded with the person when the page shows,
 * so a tap can ask for them at once; null until they are known.
 */
export function useVisitTemplates(): Readonly<Record<VisitMessageKind, string>> | null {
  const { me } = useMe()
  return me.status === 'ready' ? me.data.visitTemplateIds : null
}
