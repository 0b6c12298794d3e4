import '../../styles/visit.scss'

import type { VisitView } from '@contract/index'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { ReasonForm } from '../../../../components/reason-form'
import { Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { askForMessages } from '../../../../services/subscribe'
import { useVisitStore } from '../../../../stores/visit.store'
import { CompleteForm } from '../../components/complete-form'
import { ContactLine } from '../../components/contact-line'
import { VisitCard } from '../../components/visit-card'
import { useVisitActions } from '../../hooks/use-visit-actions'
import { useVisitTemplates } from '../../hooks/use-visit-templates'

/** 我的任务: requests the community sent to the member: accept or decline, visit, then record the service. */
export default function VisitTasksPage() {
  const tasks = useVisitStore((s) => s.tasks)
  const load = useVisitStore((s) => s.loadTasks)
  const accept = useVisitStore((s) => s.accept)
  const decline = useVisitStore((s) => s.decline)
  const complete = useVisitStore((s) => s.complete)
  const actions = useVisitActions<'decline' | 'complete'>()
  const templates = useVisitTemplates()
  useDidShow(() => {
    if (ensureSignedIn()) void load()
  })

  const panel = (visit: VisitView) => {
    const open = actions.panelOf(visit.id)
    const close = () => actions.openPanel(visit.id, null)
    if (open === 'decline') {
      return (
        <ReasonForm
          placeholder="不能去的原因（书记能看到）"
          submitText="无法前往"
          busy={actions.busy === visit.id}
          onSubmit={async (reason) => (await actions.run(visit.id, () => decline(visit.id, reason))).ok}
          onCancel={close}
        />
      )
    }
    if (open === 'complete') {
      return (
        <CompleteForm
          busy={actions.busy === visit.id}
          onSubmit={(minutes, notes, photos) =>
            void actions.run(visit.id, () => complete(visit.id, minutes, notes, photos))
          }
          onCancel={close}
        />
      )
    }
    return (
      <View className="actions">
        {visit.can.accept && (
          <Button
            id={`accept-${visit.id}`}
            className="btn btn--primary"
            loading={actions.busy === visit.id}
            disabled={actions.busy !== null}
            onClick={() => {
              askForMessages(['visitTask'], templates)
              void actions.run(visit.id, () => accept(visit.id))
            }}
          >
            接单
          </Button>
        )}
        {visit.can.complete && (
          <Button
            id={`complete-${visit.id}`}
            className="btn btn--primary"
            onClick={() => actions.openPanel(visit.id, 'complete')}
          >
            完成服务
          </Button>
        )}
        {visit.can.decline && (
          <Button className="btn btn--ghost" onClick={() => actions.openPanel(visit.id, 'decline')}>
            无法前往
          </Button>
        )}
      </View>
    )
  }

  return (
    <Screen>
      <StateView
        state={tasks}
        onRetry={load}
        isEmpty={(l) => l.length === 0}
        emptyText="目前没有派给你的上门服务"
      >
        {(list) =>
          list.map((visit) => (
            <VisitCard key={visit.id} visit={visit} audience="staff">
              {actions.errorOf(visit.id) && (
                <Text className="t-body visit-error">{actions.errorOf(visit.id)}</Text>
              )}
              <ContactLine
                visit={visit}
                contact={actions.contacts[visit.id]}
                onReveal={() => void actions.reveal(visit.id)}
              />
              {panel(visit)}
            </VisitCard>
          ))
        }
      </StateView>
    </Screen>
  )
}
