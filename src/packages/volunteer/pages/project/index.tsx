import '../../styles/volunteer.scss'

import type { ProjectDetail } from '@contract/project.contract'
import { Button, Input, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { PROJECT_MOVES, projectMovesFrom } from '../../../../../cloudfunctions/domain/project.rules'
import { ReasonForm } from '../../../../components/reason-form'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useProjectStore } from '../../../../stores/project.store'
import { ProjectCard } from '../../components/project-card'

/** One 为民办实事 project (`?id=`); its secretaries start, complete (with 受益人次), cancel and edit it here. */
export default function ProjectPage() {
  const { params } = useRouter()
  const detail = useProjectStore((s) => s.detail)
  const load = useProjectStore((s) => s.loadDetail)
  const id = params.id
  useDidShow(() => {
    if (id && ensureSignedIn()) void load(id)
  })
  if (!id)
    return (
      <Screen>
        <PageNotice text="没有指定项目，请从为民办实事进入" />
      </Screen>
    )
  return (
    <Screen>
      <StateView state={detail} onRetry={() => load(id)}>
        {(p) => (
          <View>
            <ProjectCard project={p} full />
            {p.canManage && <Manage project={p} />}
          </View>
        )}
      </StateView>
    </Screen>
  )
}

/** The secretary's part: the moves open to the project, each finished in place (no pop-up), and 修改. */
function Manage({ project }: { project: ProjectDetail }) {
  const busy = useProjectStore((s) => s.busy)
  const moveProject = useProjectStore((s) => s.moveProject)
  const [open, setOpen] = useState<'complete' | 'cancel' | null>(null)
  const [count, setCount] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const send = async (
    move: 'start' | 'complete' | 'cancel',
    extra: { beneficiaries?: number; reason?: string },
  ) => {
    const outcome = await moveProject({
      projectId: project.id,
      move,
      beneficiaries: extra.beneficiaries ?? null,
      reason: extra.reason ?? null,
    })
    setMessage(outcome.ok ? `已${PROJECT_MOVES[move].label}` : outcome.message)
    if (outcome.ok) setOpen(null)
    return outcome.ok
  }
  const n = Number(count)
  const countOk = count.trim() !== '' && Number.isInteger(n) && n >= 0
  return (
    <View className="card">
      {message && <Text className="t-body">{message}</Text>}
      {open === null && (
        <View className="vol-actions">
          {projectMovesFrom(project.status).map((move) => (
            <Button
              key={move}
              className={move === 'cancel' ? 'btn btn--ghost' : 'btn btn--primary'}
              disabled={busy}
              onClick={() => (move === 'start' ? void send('start', {}) : setOpen(move))}
            >
              {PROJECT_MOVES[move].label}
            </Button>
          ))}
          {project.status !== 'cancelled' && (
            <Button className="btn btn--ghost" onClick={() => go('projectEdit', { id: project.id })}>
              修改项目
            </Button>
          )}
        </View>
      )}
      {open === 'complete' && (
        <View>
          <Text className="t-caption">受益人次（项目共服务了多少人次）</Text>
          <Input
            className="input complete-beneficiaries"
            type="number"
            value={count}
            onInput={(e) => setCount(e.detail.value)}
          />
          <View className="vol-actions">
            <Button className="btn btn--ghost" disabled={busy} onClick={() => setOpen(null)}>
              返回
            </Button>
            <Button
              className="btn btn--primary"
              disabled={busy || !countOk}
              onClick={() => void send('complete', { beneficiaries: n })}
            >
              确认完成
            </Button>
          </View>
        </View>
      )}
      {open === 'cancel' && (
        <ReasonForm
          placeholder="取消的原因"
          submitText="确认取消项目"
          busy={busy}
          onSubmit={(reason) => send('cancel', { reason })}
          onCancel={() => setOpen(null)}
        />
      )}
    </View>
  )
}
