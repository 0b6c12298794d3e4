import '../../styles/volunteer.scss'

import Taro, { useDidShow, useRouter } from '@tarojs/taro'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { goBack } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useProjectStore } from '../../../../stores/project.store'
import { ProjectForm } from '../../components/project-form'

/** 修改项目 (`?id=`): the project's fields, its linked activities and, once under way, 受益人次. */
export default function ProjectEditPage() {
  const { params } = useRouter()
  const detail = useProjectStore((s) => s.detail)
  const load = useProjectStore((s) => s.loadDetail)
  const busy = useProjectStore((s) => s.busy)
  const update = useProjectStore((s) => s.updateProject)
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
        {(p) =>
          p.canManage ? (
            <ProjectForm
              key={`${p.id}-${p.rev}`}
              orgId={p.orgId}
              project={p}
              busy={busy}
              onSubmit={async (draft) => {
                const outcome = await update({ ...draft, projectId: p.id, rev: p.rev })
                void Taro.showToast({
                  title: outcome.ok ? '已保存' : outcome.message,
                  icon: 'none',
                  duration: 2500,
                })
                if (outcome.ok) goBack()
              }}
            />
          ) : (
            <PageNotice text="你没有修改这个项目的权限" />
          )
        }
      </StateView>
    </Screen>
  )
}
