import type { SummaryLine } from '@contract/callback.contract'
import { Text, View } from '@tarojs/components'

export interface CallbackSummaryProps {
  title: string
  lines: readonly SummaryLine[]
  problems: readonly { matter: string; orgName: string; problem: string }[]
}

/** A quarter's 回访核查 figures, each rate with its counts (66.7%（2/3）), then the problems found. */
export function CallbackSummary({ title, lines, problems }: CallbackSummaryProps) {
  return (
    <View className="card callback-summary">
      <Text className="t-title">{title}</Text>
      {lines.map((l) => (
        <View className="pledge-row" key={l.label}>
          <Text className="t-body pledge-row__main">{l.label}</Text>
          <Text className="t-body">{l.text}</Text>
        </View>
      ))}
      {problems.length > 0 && (
        <View>
          <Text className="t-title">发现的问题</Text>
          {problems.map((p, i) => (
            <View className="callback-problem" key={i}>
              <Text className="t-body">
                {p.orgName} · {p.matter}：{p.problem}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
