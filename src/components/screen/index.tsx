import './index.scss'

import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { goBack, goHomeFresh } from '../../services/navigation'
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
  if (state.status === 'error' && state.code && /NOT_FOUND$/.test(state.code)) {
    // Retrying cannot bring back what is not there: offer the way back instead.
    return <PageNotice text={state.message} />
  }
  if (state.status === 'error' && state.code === 'COMMON.INVALID_INPUT') {
    // A load refused for its input came from a broken link; the field-by-field text is for forms, not here.
    return <PageNotice text={BROKEN_LINK} />
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

/** What a page says when its link lacks what it needs (opened without an id, or with a malformed one). */
export const BROKEN_LINK = '页面链接不完整或已失效，请返回后重新进入'

export interface PageNoticeProps {
  text: string
  /** 回到首页 instead of 返回 (a page that does not exist has nowhere to go back to). */
  home?: boolean
}

/** A plain message and the way out: for a page that cannot show anything (no id, not found). */
export function PageNotice({ text, home }: PageNoticeProps) {
  return (
    <View className="state state--notice">
      <Text className="t-body">{text}</Text>
      <Button className="btn btn--ghost" onClick={home ? goHomeFresh : goBack}>
        {home ? '回到首页' : '返回'}
      </Button>
    </View>
  )
}
