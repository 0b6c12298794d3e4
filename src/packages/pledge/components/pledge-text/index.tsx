import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'

export interface PledgeTextProps {
  body: string
  /** Told once the end of the text has been in view (signing is enabled only then). */
  onReadToEnd?(): void
}

/**
 * The whole text in a scrolling box; a mark after its last line tells when the reader has reached the end, by
 * scrolling or because the text was short enough to fit.
 */
export function PledgeText({ body, onReadToEnd }: PledgeTextProps) {
  useEffect(() => {
    if (!onReadToEnd) return
    let observer: Taro.IntersectionObserver | null = null
    try {
      observer = Taro.createIntersectionObserver(Taro.getCurrentInstance().page ?? {}, {})
      observer.relativeTo('.pledge-text').observe('.pledge-end', (res) => {
        if ((res.intersectionRatio ?? 0) > 0) onReadToEnd()
      })
    } catch {
      // Without an observer (an old base library) reaching the end is told by scrolling alone.
      observer = null
    }
    return () => observer?.disconnect()
  }, [onReadToEnd])
  return (
    <ScrollView
      scrollY
      id="pledge-text"
      className="pledge-text"
      onScrollToLower={() => onReadToEnd?.()}
      lowerThreshold={40}
    >
      <Text className="pledge-text__body t-body">{body}</Text>
      <View className="pledge-end">
        <Text className="t-caption">— 全文完 —</Text>
      </View>
    </ScrollView>
  )
}
