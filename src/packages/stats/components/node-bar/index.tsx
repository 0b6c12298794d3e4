import type { StatsNode } from '@contract/stats.contract'
import { Button, Picker, Text, View } from '@tarojs/components'

export interface NodeBarProps {
  nodes: readonly StatsNode[]
  orgId: string
  onOrg: (orgId: string) => void
  /** The period shown and the steps either side ("上月" / "下月"); `next.go` is null when it would be the future. */
  label: string
  prev: { text: string; go: () => void }
  next: { text: string; go: (() => void) | null }
}

/** The node (own and below) and the month or year the page is about, with large buttons for the period. */
export function NodeBar({ nodes, orgId, onOrg, label, prev, next }: NodeBarProps) {
  const index = Math.max(
    nodes.findIndex((n) => n.id === orgId),
    0,
  )
  return (
    <View className="card">
      <Picker
        mode="selector"
        range={nodes.map((n) => n.label)}
        value={index}
        disabled={nodes.length < 2}
        onChange={(e) => {
          const chosen = nodes[Number(e.detail.value)]
          if (chosen) onOrg(chosen.id)
        }}
      >
        <View className="input node-bar__org">
          <Text className="t-body">{nodes[index]?.label ?? ''}</Text>
          <Text className="t-caption">{nodes.length < 2 ? '' : '更改'}</Text>
        </View>
      </Picker>
      <View className="stats-stepper">
        <Button className="btn btn--ghost" onClick={prev.go}>
          {prev.text}
        </Button>
        <Text className="t-body stats-stepper__label">{label}</Text>
        <Button className="btn btn--ghost" disabled={next.go === null} onClick={next.go ?? undefined}>
          {next.text}
        </Button>
      </View>
    </View>
  )
}
