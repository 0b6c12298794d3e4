import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { type PersonHit, usePledgeStore } from '../../../../stores/pledge.store'

/**
 * 指定人员: searches the roster of the chosen organisation by name (only what the admin may read) and keeps the
 * people picked; the server refuses anyone outside the organisation's subtree.
 */
export function PeoplePicker(props: {
  orgId: string
  value: PersonHit[]
  /** Given an update of the list, so taps in quick succession each apply to the latest list. */
  onChange(update: (prev: PersonHit[]) => PersonHit[]): void
}) {
  const people = usePledgeStore((s) => s.people)
  const [keyword, setKeyword] = useState('')
  const search = () => void usePledgeStore.getState().searchPeople(props.orgId, keyword)
  // A new organisation: the names found and the picked ones of another are dropped.
  useEffect(() => {
    if (props.orgId) void usePledgeStore.getState().searchPeople(props.orgId, '')
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new organisation only
  }, [props.orgId])
  const picked = new Set(props.value.map((p) => p.id))
  const toggle = (p: PersonHit) =>
    props.onChange((prev: PersonHit[]) =>
      prev.some((v: PersonHit) => v.id === p.id)
        ? prev.filter((v: PersonHit) => v.id !== p.id)
        : [...prev, p],
    )
  return (
    <View className="pledge-people" id="pledge-people">
      <Input
        className="input"
        id="pledge-people-keyword"
        value={keyword}
        placeholder="输入姓名搜索"
        maxlength={30}
        confirmType="search"
        onInput={(e) => setKeyword(e.detail.value)}
        onConfirm={search}
      />
      <View className="actions">
        <Button className="btn btn--ghost" id="pledge-people-search" onClick={search}>
          搜索
        </Button>
      </View>
      {people.status === 'loading' && <Text className="t-body">正在搜索…</Text>}
      {people.status === 'error' && <Text className="t-body error-text">{people.message}</Text>}
      {people.status === 'ready' && people.data.items.length === 0 && (
        <Text className="t-body">
          {keyword.trim() ? `没有找到姓名含“${keyword.trim()}”的党员` : '这个组织还没有党员'}
        </Text>
      )}
      {people.status === 'ready' &&
        people.data.items.map((p) => (
          <View className="pledge-row" key={p.id} id={`person-${p.id}`} onClick={() => toggle(p)}>
            <View className="pledge-row__main">
              <Text className="t-body">{p.name}</Text>
              <View>
                <Text className="t-caption">
                  {p.orgName}
                  {p.cadreLevel ? ` · ${p.cadreLevel}` : ''}
                </Text>
              </View>
            </View>
            <Text className={picked.has(p.id) ? 't-body ok-text' : 't-caption'}>
              {picked.has(p.id) ? '已选 ✓' : '选择'}
            </Text>
          </View>
        ))}
      {people.status === 'ready' && people.data.total > people.data.items.length && (
        <Text className="t-caption">
          共{people.data.total}人，只列出前{people.data.items.length}人，请输入姓名缩小范围
        </Text>
      )}
      <View className="pledge-field">
        <Text className="t-caption">已选{props.value.length}人</Text>
        {props.value.map((p) => (
          <View className="pledge-row" key={p.id}>
            <Text className="t-body">
              {p.name}（{p.orgName}）
            </Text>
            <Button className="btn btn--ghost" onClick={() => toggle(p)}>
              移除
            </Button>
          </View>
        ))}
      </View>
    </View>
  )
}
