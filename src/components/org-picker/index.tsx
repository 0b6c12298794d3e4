import './index.scss'

import { Picker, Text, View } from '@tarojs/components'

import type { OrgOption } from './org-options'

export type { OrgFilter, OrgOption } from './org-options'
export { flattenOrgs, mayOn, orgOptionsFor, toOrgNode } from './org-options'

export interface OrgPickerProps {
  /** The nodes to offer, in tree order; build them with orgOptionsFor so only permitted nodes appear. */
  options: readonly OrgOption[]
  value: string | null
  onChange: (orgId: string) => void
  placeholder?: string
  disabled?: boolean
}

/** Chooses one organisation node with the phone's own picker, each shown as "社区 / 支部". */
export function OrgPicker({ options, value, onChange, placeholder, disabled }: OrgPickerProps) {
  const index = options.findIndex((o) => o.id === value)
  const off = disabled || options.length === 0
  return (
    <Picker
      mode="selector"
      range={options.map((o) => o.label)}
      value={Math.max(index, 0)}
      disabled={off}
      onChange={(e) => {
        const chosen = options[Number(e.detail.value)]
        if (chosen) onChange(chosen.id)
      }}
    >
      <View className={`input org-picker ${off ? 'org-picker--off' : ''}`}>
        <Text className={index >= 0 ? 't-body' : 't-body org-picker__placeholder'}>
          {index >= 0 ? options[index].label : (placeholder ?? '请选择组织')}
        </Text>
        <Text className="t-caption">{off ? '' : '更改'}</Text>
      </View>
    </Picker>
  )
}
