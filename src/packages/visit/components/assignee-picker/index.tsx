import type { AssigneeOption } from '@contract/index'
import { Button, Text, View } from '@tarojs/components'

import { StateView } from '../../../../components/screen'
import type { Loadable } from '../../../../stores/async-state'

export interface AssigneePickerProps {
  list: Loadable<AssigneeOption[]>
  busy: boolean
  onPick: (assigneeId: string) => void
  onClose: () => void
  onRetry: () => void
}

/** The community's bound members, those with fewest open tasks first: one tap sends the request. */
export function AssigneePicker({ list, busy, onPick, onClose, onRetry }: AssigneePickerProps) {
  return (
    <View>
      <Text className="t-body visit-section">派给谁？</Text>
      <StateView
        state={list}
        onRetry={onRetry}
        isEmpty={(l) => l.length === 0}
        emptyText="本社区还没有绑定微信的党员"
      >
        {(members) =>
          members.map((m) => (
            <Button
              key={m.id}
              id={`assignee-${m.id}`}
              className="btn btn--ghost"
              disabled={busy}
              onClick={() => onPick(m.id)}
            >
              {m.name}（{m.orgName}）{m.openTasks > 0 ? ` 进行中${m.openTasks}件` : ''}
            </Button>
          ))
        }
      </StateView>
      <Button className="btn btn--ghost" disabled={busy} onClick={onClose}>
        返回
      </Button>
    </View>
  )
}
