import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

import type { OrgOption } from '../../../components/org-picker'
import { type CategoryFilter, type RosterQuery, useRosterStore } from '../../../stores/roster.store'

/**
 * The roster's filters. Each visit starts a fresh search on the node the page was opened for
 * (or the first node the person may read); the keyword is sent when confirmed, not per key.
 */
export function useRosterQuery(options: readonly OrgOption[], requestedOrgId: string | undefined) {
  const query = useRosterStore((s) => s.query)
  const search = useRosterStore((s) => s.search)
  const reloadIfStale = useRosterStore((s) => s.reloadIfStale)
  const [keyword, setKeyword] = useState('')
  const started = useRef(false)

  useEffect(() => {
    if (started.current || options.length === 0) return
    started.current = true
    const requested = options.find((o) => o.id === requestedOrgId)
    void search({ orgId: (requested ?? options[0]).id, keyword: '', category: 'all' })
  }, [options, requestedOrgId, search])

  useDidShow(() => {
    if (started.current) reloadIfStale()
  })

  const update = (change: Partial<RosterQuery>) => {
    if (query) void search({ ...query, keyword: keyword.trim(), ...change })
  }

  return {
    query: started.current ? query : null,
    keyword,
    setKeyword,
    submitKeyword: () => update({}),
    clearKeyword: () => {
      setKeyword('')
      update({ keyword: '' })
    },
    setOrg: (orgId: string) => update({ orgId }),
    setCategory: (category: CategoryFilter) => update({ category }),
    retry: () => update({}),
  }
}
