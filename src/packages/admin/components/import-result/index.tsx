import { Text, View } from '@tarojs/components'

import type { ImportResult } from '../../../../stores/roster-import.store'
import { formatRowError } from '../../../../stores/roster-import-errors'

export interface ImportResultViewProps {
  result: ImportResult
}

/** The outcome of one import: how many were added, or every bad row and that nothing was added. */
export function ImportResultView({ result }: ImportResultViewProps) {
  if (result.kind === 'done') {
    return (
      <View className="card">
        <Text className="t-title ok-text">已导入 {result.imported} 名党员</Text>
        <View>
          <Text className="t-caption">可在“党员花名册”中查看，并为他们生成绑定邀请码。</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="card">
      <Text className="t-body error-text">{result.message}</Text>
      {result.kind === 'invalid' && (
        <>
          <View>
            <Text className="t-body">请改正以下各行后重新导入：</Text>
          </View>
          {result.errors.map((e) => (
            <View key={e.row} className="admin-line">
              <Text className="t-body">{formatRowError(e)}</Text>
            </View>
          ))}
        </>
      )}
    </View>
  )
}
