import '../../styles/volunteer.scss'

import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { hasAnyPermission } from '../../../../../cloudfunctions/domain/roles'
import { yearOf } from '../../../../../cloudfunctions/domain/time'
import { Chips } from '../../../../components/chips'
import { Screen, StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useProjectStore } from '../../../../stores/project.store'
import { ProjectCard } from '../../components/project-card'
import { YearSwitch } from '../../components/year-switch'

/**
 * 为民办实事, for everyone (residents included): the projects of a community and of the street, with their status,
 * whom they served and the activities they were carried out through. A member sees their own community's first.
 */
export default function ProjectsPage() {
  const { me } = useMe()
  const list = useProjectStore((s) => s.list)
  const load = useProjectStore((s) => s.loadList)
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [year, setYear] = useState(() => yearOf(Date.now()))
  useDidShow(() => {
    if (ensureSignedIn()) void load(communityId, year)
  })
  const choose = (id: string) => {
    setCommunityId(id)
    void load(id, year)
  }
  const chooseYear = (next: number) => {
    setYear(next)
    void load(communityId, next)
  }
  const manages = me.status === 'ready' && hasAnyPermission(me.data.roles, 'volunteer.manage')
  return (
    <Screen>
      {manages && (
        <Button className="btn btn--primary" onClick={() => go('projectManage')}>
          管理为民办实事
        </Button>
      )}
      <YearSwitch year={year} ahead={1} onChange={chooseYear} />
      <StateView state={list} onRetry={() => load(communityId, year)} loadingText="正在加载项目…">
        {(data) => (
          <View>
            <View className="card">
              <Text className="t-body">{data.communityId ? '所在社区' : '请选择您所在的社区'}</Text>
              <Chips
                options={data.communities.map((c) => ({ value: c.id, label: c.name }))}
                value={data.communityId}
                onChange={choose}
                idPrefix="community"
              />
            </View>
            {data.projects.length === 0 ? (
              <View className="state state--empty">
                <Text className="t-body">{year}年没有为民办实事项目</Text>
              </View>
            ) : (
              data.projects.map((p) => (
                <ProjectCard key={p.id} project={p} onTap={() => go('project', { id: p.id })} />
              ))
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
