import '../../styles/volunteer.scss'

import { Button, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { ActivityCard } from '../../components/activity-card'

/** 志愿服务: the activities of the member's branch, community and street, to sign up for. */
export default function ActivitiesPage() {
  const list = useVolunteerStore((s) => s.list)
  const load = useVolunteerStore((s) => s.loadList)
  useDidShow(() => {
    if (ensureSignedIn()) void load()
  })
  return (
    <Screen>
      <View className="vol-actions">
        <Button className="btn btn--ghost" onClick={() => go('volunteerHours')}>
          我的志愿时长
        </Button>
      </View>
      <StateView
        state={list}
        onRetry={load}
        isEmpty={(items) => items.length === 0}
        emptyText="近期没有志愿活动，组织者发布后会显示在这里"
      >
        {(items) => (
          <View>
            {items.map((a) => (
              <ActivityCard key={a.id} activity={a} onTap={() => go('volunteerActivity', { id: a.id })} />
            ))}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
