import './index.scss'

import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import type { Loadable } from '../../stores/async-state'
import { useUiStore } from '../../stores/ui.store'

export interface ScreenProps {
  children: ReactNode
  className?: string
}

/** Every page's root: applies 大字模式 so each page works in it without its own code. */
export function Screen({ children, className }: ScreenProps) {
  const largeFont = useUiStore((s) => s.largeFont)
  return <View className={`screen ${largeFont ? 'screen--large' : ''} ${className ?? ''}`}>{children}</View>
}

export interface StateViewProps<T> {
  state: Loadable<T>
  onRetry?: () => void
  isEmpty?: (data: T) => boolean
  emptyText?: string
  loadingText?: string
  children: (data: T) => ReactNode
}

/** Loading, error (with 重试), empty, or the content: the four states every screen has. */
export function StateView<T>({
  state,
  onRetry,
  isEmpty,
  emptyText,
  loadingText,
  children,
}: StateViewProps<T>) {
  if (state.status === 'idle' || state.status === 'loading') {
    return (
      <View className="state state--loading">
        <Text className="t-body">{loadingText ?? '正在加载…'}</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="state state--error">
        <Text className="t-body">{state.message}</Text>
        {onRetry && (
          <Button className="btn btn--ghost" onClick={onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  if (isEmpty?.(state.data)) {
    return (
      <View className="state state--empty">
        <Text className="t-body">{emptyText ?? '暂无内容'}</Text>
      </View>
    )
  }
  return <>{children(state.data)}</>
}
