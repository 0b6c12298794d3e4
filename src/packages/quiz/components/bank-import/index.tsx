import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import type { PickedFile } from '../../../../services/file-picker'
import type { BankImportResult } from '../../../../stores/quiz-bank.store'
import { formatRowError } from '../../../../stores/roster-import-errors'

export interface BankImportProps {
  file: PickedFile | null
  pickError: string | null
  sending: boolean
  result: BankImportResult | null
  onChoose(): void
  onImportFile(): void
  onImportJson(text: string): void
}

/** Import from an .xlsx (题型/题干/选项A…/答案/知识点/解析) or pasted JSON; a bad row imports nothing. */
export function BankImport(props: BankImportProps) {
  const [json, setJson] = useState('')
  const { result } = props
  return (
    <View className="card">
      <Text className="t-title">导入题库</Text>
      <View>
        <Text className="t-caption">
          Excel 第一行为表头：题型、题干、选项A～选项H、答案、知识点、解析。答案写选项字母（如 A 或
          ACD）、正确/错误，填空题多个答案用“|”隔开。
        </Text>
      </View>
      <Text className="t-body">{props.file ? `已选择：${props.file.name}` : '尚未选择文件'}</Text>
      {props.pickError && <Text className="t-body error-text">{props.pickError}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" disabled={props.sending} onClick={props.onChoose}>
          选择 Excel
        </Button>
        <Button
          className="btn btn--primary"
          disabled={!props.file || props.sending}
          onClick={props.onImportFile}
        >
          导入 Excel
        </Button>
      </View>
      <Textarea
        className="quiz-textarea"
        maxlength={-1}
        placeholder='或粘贴 JSON：{"questions":[{"type":"单选","stem":"…","options":["…"],"answer":"A"}]}'
        value={json}
        onInput={(e) => setJson(e.detail.value)}
      />
      <Button
        className="btn btn--ghost"
        disabled={!json.trim() || props.sending}
        onClick={() => props.onImportJson(json)}
      >
        导入 JSON
      </Button>
      {result?.kind === 'done' && <Text className="t-title ok-text">已导入 {result.imported} 题</Text>}
      {result && result.kind !== 'done' && <Text className="t-body error-text">{result.message}</Text>}
      {result?.kind === 'invalid' &&
        result.errors.map((e) => (
          <View key={e.row} className="quiz-line">
            <Text className="t-body">{formatRowError(e)}</Text>
          </View>
        ))}
    </View>
  )
}
