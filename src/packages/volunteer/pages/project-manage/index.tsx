import '../../styles/volunteer.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { yearOf } from '../../../../../cloudfunctions/domain/time'
import { type OrgOption, orgOptionsFor, OrgPicker } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { go } from '../../../../services/navigation'
import { newSubmitKey } from '../../../../services/submit-key'
import { useOrgStore } from '../../../../stores/org.store'
import { useProjectStore } from '../../../../stores/project.store'
import { ProjectCard } from '../../components/project-card'
import { ProjectForm } from '../../components/project-form'
import { YearSwitch } from '../../components/year-switch'

/** 为民办实事管理: a node's projects (cancelled ones too) and a new one; tapping one opens its page. */
export default function ProjectManagePage() {
  const { me, reload } = useMe()
  const tree = useOrgStore((s) => s.tree)
  const loadTree = useOrgStore((s) => s.loadTree)
  useDidShow(() => {
    const { status } = useOrgStore.getState().tree
    if (status === 'idle' || status === 'error') void loadTree()
  })
  return (
    <Screen>
      <StateView state={me} onRetry={reload} loadingText="正在确认身份…">
        {(person) => (
          <StateView state={tree} onRetry={loadTree}>
            {(orgs) => {
              const options = orgOptionsFor(orgs, person.roles, { permission: 'volunteer.manage' })
              return options.length > 0 ? (
                <Browser options={options} />
              ) : (
                <View className="state">
                  <Text className="t-body">你没有管理为民办实事的权限，如有需要请联系社区书记</Text>
                </View>
              )
            }}
          </StateView>
        )}
      </StateView>
    </Screen>
  )
}

function Browser({ options }: { options: OrgOption[] }) {
  const [orgId, setOrgId] = useState(options[0].id)
  const [creating, setCreating] = useState(false)
  const managed = useProjectStore((s) => s.managed)
  const load = useProjectStore((s) => s.loadManaged)
  const busy = useProjectStore((s) => s.busy)
  const create = useProjectStore((s) => s.createProject)
  // One key per new project's form, however often it is sent; a new one for another node or once it is stored.
  const [submitKey, setSubmitKey] = useState(newSubmitKey)
  useEffect(() => setSubmitKey(newSubmitKey()), [orgId])
  const [year, setYear] = useState(() => yearOf(Date.now()))
  useEffect(() => void load(orgId, year), [load, orgId, year])
  useDidShow(() => void load(orgId, year))
  return (
    <View>
      <OrgPicker options={options} value={orgId} onChange={setOrgId} />
      {creating ? (
        <ProjectForm
          key={orgId}
          orgId={orgId}
          busy={busy}
          onSubmit={async ({ beneficiaries: _unset, ...draft }) => {
            const outcome = await create({ ...draft, orgId, submitKey })
            void Taro.showToast({
              title: outcome.ok ? '已创建' : outcome.message,
              icon: 'none',
              duration: 2500,
            })
            if (!outcome.ok) return
            setSubmitKey(newSubmitKey())
            setCreating(false)
            go('project', { id: outcome.data.id })
          }}
        />
      ) : (
        <Button className="btn btn--primary" onClick={() => setCreating(true)}>
          新建为民办实事
        </Button>
      )}
      <YearSwitch year={year} ahead={1} onChange={setYear} />
      <StateView
        state={managed}
        onRetry={() => load(orgId, year)}
        isEmpty={(l) => l.length === 0}
        emptyText={`${year}年没有为民办实事项目`}
      >
        {(list) =>
          list.map((p) => <ProjectCard key={p.id} project={p} onTap={() => go('project', { id: p.id })} />)
        }
      </StateView>
    </View>
  )
}
