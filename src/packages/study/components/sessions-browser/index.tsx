import { Button, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { monthOf } from '../../../../../cloudfunctions/domain/time'
import type { OrgOption } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useSessionsStore } from '../../../../stores/study-sessions.store'
import { useOnReturn } from '../../hooks/use-on-return'
import { initialOrg } from '../manage-gate'
import { OrgPeriodBar } from '../org-period-bar'
import { SessionRow } from '../session-row'

export interface SessionsBrowserProps {
  options: readonly OrgOption[]
  /** Whether the person creates sessions on a node; readers (the 纪工委) only look. */
  mayManage(orgId: string): boolean
  requestedOrgId?: string
}

/** 学习活动 of one organisation and month; reloaded when the screen shows again after an edit. */
export function SessionsBrowser({ options, mayManage, requestedOrgId }: SessionsBrowserProps) {
  const [orgId, setOrgId] = useState(() => initialOrg(options, requestedOrgId))
  const [month, setMonth] = useState(() => monthOf(Date.now()))
  const list = useSessionsStore((s) => s.list)
  const loadList = useSessionsStore((s) => s.loadList)
  useEffect(() => void loadList(orgId, month), [loadList, orgId, month])
  useOnReturn(() => void loadList(orgId, month))

  return (
    <View>
      <OrgPeriodBar options={options} orgId={orgId} onOrg={setOrgId} period={{ month, onMonth: setMonth }} />
      {mayManage(orgId) && (
        <Button className="btn btn--primary" onClick={() => go('sessionEdit', { orgId })}>
          新建活动
        </Button>
      )}
      <StateView
        state={list}
        onRetry={() => loadList(orgId, month)}
        isEmpty={(sessions) => sessions.length === 0}
        emptyText="本月还没有学习活动"
      >
        {(sessions) =>
          sessions.map((s) => <SessionRow key={s.id} session={s} onTap={() => go('session', { id: s.id })} />)
        }
      </StateView>
    </View>
  )
}
