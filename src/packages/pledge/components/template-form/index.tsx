import type { PledgeTemplateView } from '@contract/pledge.contract'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import {
  PLEDGE_KIND_KEYS,
  PLEDGE_KINDS,
  type PledgeKind,
} from '../../../../../cloudfunctions/domain/pledge.rules'
import { Chips } from '../../../../components/chips'
import { usePledgeStore } from '../../../../stores/pledge.store'

const KIND_CHIPS = PLEDGE_KIND_KEYS.map((value) => ({ value, label: PLEDGE_KINDS[value] }))

/** 新建模板, or 修改 one: saving an edit stores a new version; what was signed keeps its own text. */
export function TemplateForm({ template, onDone }: { template: PledgeTemplateView | null; onDone(): void }) {
  const busy = usePledgeStore((s) => s.busy)
  const save = usePledgeStore((s) => s.saveTemplate)
  const [kind, setKind] = useState<PledgeKind>(template?.kind ?? 'integrity')
  const [title, setTitle] = useState(template?.title ?? '')
  const [body, setBody] = useState(template?.body ?? '')
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    setError(null)
    const outcome = await save({
      ...(template ? { templateId: template.templateId, baseVersion: template.version } : {}),
      kind,
      title: title.trim(),
      body: body.trim(),
    })
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: `已保存第${outcome.data.version}版`, icon: 'success' })
    onDone()
  }

  return (
    <View className="card">
      <Text className="t-title">{template ? `修改（将保存为第${template.version + 1}版）` : '新建模板'}</Text>
      <View className="pledge-field">
        <Chips options={KIND_CHIPS} value={kind} onChange={setKind} idPrefix="kind" />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">标题</Text>
        <Input
          className="input"
          placeholder="承诺书标题"
          value={title}
          maxlength={40}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">正文</Text>
        <Textarea
          className="pledge-textarea t-body"
          placeholder="承诺书正文"
          value={body}
          maxlength={6000}
          autoHeight
          onInput={(e) => setBody(e.detail.value)}
        />
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" onClick={onDone}>
          取消
        </Button>
        <Button
          className="btn btn--primary"
          disabled={busy || title.trim() === '' || body.trim() === ''}
          onClick={() => void submit()}
        >
          保存
        </Button>
      </View>
    </View>
  )
}
