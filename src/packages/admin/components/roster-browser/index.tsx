import type { MeView } from '@contract/account.contract'
import type { OrgView } from '@contract/org.contract'
import { Button, Input, Text, View } from '@tarojs/components'
import { useMemo } from 'react'

import { MEMBER_CATEGORIES } from '../../../../../cloudfunctions/domain/member.rules'
import { type ChipOption, Chips, chipsOf } from '../../../../components/chips'
import { flattenOrgs, orgOptionsFor, OrgPicker } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { mayAnywhere } from '../../../../stores/account.store'
import { type CategoryFilter, selectHasMore, useRosterStore } from '../../../../stores/roster.store'
import { useRosterQuery } from '../../hooks/use-roster-query'
import { MemberRow } from '../member-row'

const CATEGORY_CHOICES: ChipOption<CategoryFilter>[] = [
  { value: 'all', label: '全部' },
  ...chipsOf(MEMBER_CATEGORIES),
]

export interface RosterBrowserProps {
  me: MeView
  orgs: readonly OrgView[]
  requestedOrgId?: string
}

/** Filters on top, the paged list below: 20 at a time, 加载更多 for the rest. */
export function RosterBrowser({ me, orgs, requestedOrgId }: RosterBrowserProps) {
  const options = useMemo(
    () => orgOptionsFor(orgs, me.roles, { permission: 'roster.read' }),
    [orgs, me.roles],
  )
  const labels = useMemo(() => new Map(flattenOrgs(orgs).map((o) => [o.id, o.label])), [orgs])
  const q = useRosterQuery(options, requestedOrgId)
  const list = useRosterStore((s) => s.list)
  const more = useRosterStore((s) => s.more)
  const hasMore = useRosterStore(selectHasMore)
  const loadMore = useRosterStore((s) => s.loadMore)
  const open = (id: string) => go('member', { id })

  if (options.length === 0) {
    return (
      <View className="state">
        <Text className="t-body">你目前没有可查看花名册的组织</Text>
      </View>
    )
  }
  return (
    <View>
      <View className="card">
        <OrgPicker options={options} value={q.query?.orgId ?? null} onChange={q.setOrg} />
        <Input
          className="input"
          value={q.keyword}
          placeholder="输入姓名搜索"
          maxlength={30}
          confirmType="search"
          onInput={(e) => q.setKeyword(e.detail.value)}
          onConfirm={q.submitKeyword}
        />
        <View className="actions">
          <Button className="btn btn--primary" onClick={q.submitKeyword}>
            搜索
          </Button>
          {q.keyword !== '' && (
            <Button className="btn btn--ghost" onClick={q.clearKeyword}>
              清除
            </Button>
          )}
        </View>
        <Chips options={CATEGORY_CHOICES} value={q.query?.category ?? 'all'} onChange={q.setCategory} />
      </View>
      {mayAnywhere(me, 'roster.manage') && (
        <Button
          className="btn btn--ghost"
          onClick={() => go('member', { mode: 'create', orgId: q.query?.orgId ?? '' })}
        >
          新增党员
        </Button>
      )}
      <StateView
        state={list}
        onRetry={q.retry}
        isEmpty={(data) => data.items.length === 0}
        emptyText={
          q.query?.keyword || q.query?.category !== 'all' ? '没有符合条件的党员' : '这个组织还没有党员'
        }
      >
        {(data) => (
          <View>
            <Text className="t-caption">共 {data.total} 名党员</Text>
            {data.items.map((m) => (
              <MemberRow key={m.id} member={m} orgLabel={labels.get(m.orgId) ?? ''} onOpen={open} />
            ))}
            {more.status === 'error' && <Text className="t-body error-text">{more.message}</Text>}
            {hasMore && (
              <Button
                className="btn btn--ghost"
                loading={more.status === 'loading'}
                disabled={more.status === 'loading'}
                onClick={loadMore}
              >
                加载更多
              </Button>
            )}
          </View>
        )}
      </StateView>
    </View>
  )
}
