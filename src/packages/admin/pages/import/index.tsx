import '../../styles/admin.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'

import { PermissionGate } from '../../../../components/permission-gate'
import { Screen } from '../../../../components/screen'
import { useRosterImportStore } from '../../../../stores/roster-import.store'
import { ImportResultView } from '../../components/import-result'
import { RosterColumns } from '../../components/roster-columns'

const HOW_TO_PICK =
  process.env.TARO_ENV === 'h5'
    ? '从电脑中选择 .xlsx 文件。'
    : '手机上只能从微信聊天中选择文件：请先把 Excel 发到“文件传输助手”或任一聊天，再点下方按钮选择。'

/** 导入花名册: choose an .xlsx, send it, and see either the count imported or every bad row. */
export default function ImportPage() {
  const file = useRosterImportStore((s) => s.file)
  const pickError = useRosterImportStore((s) => s.pickError)
  const sending = useRosterImportStore((s) => s.sending)
  const result = useRosterImportStore((s) => s.result)
  const choose = useRosterImportStore((s) => s.choose)
  const send = useRosterImportStore((s) => s.send)
  const reset = useRosterImportStore((s) => s.reset)
  // A new visit starts clean: the last file and its result belong to the last visit.
  useEffect(() => reset, [reset])

  const submit = async () => {
    const done = await send()
    if (done?.kind === 'done') void Taro.showToast({ title: '导入成功', icon: 'success' })
  }

  return (
    <Screen>
      <PermissionGate permission="roster.manage">
        {() => (
          <View>
            <RosterColumns />
            <View className="card">
              <Text className="t-title">选择文件</Text>
              <View>
                <Text className="t-caption">{HOW_TO_PICK}</Text>
              </View>
              {file ? (
                <View className="admin-field">
                  <Text className="t-body">
                    已选择：{file.name}（{Math.max(1, Math.round(file.size / 1024))} KB）
                  </Text>
                </View>
              ) : (
                <View className="admin-field">
                  <Text className="t-body">尚未选择文件</Text>
                </View>
              )}
              {pickError && <Text className="t-body error-text">{pickError}</Text>}
              <View className="actions">
                <Button className="btn btn--ghost" disabled={sending} onClick={choose}>
                  {file ? '重新选择' : '选择文件'}
                </Button>
                <Button
                  className="btn btn--primary"
                  loading={sending}
                  disabled={!file || sending}
                  onClick={submit}
                >
                  开始导入
                </Button>
              </View>
            </View>
            {result && <ImportResultView result={result} />}
          </View>
        )}
      </PermissionGate>
    </Screen>
  )
}
