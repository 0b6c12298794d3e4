import type { VisitView } from '@contract/index'
import { Button, Image, Text, View } from '@tarojs/components'

import { useVisitStore } from '../../../../stores/visit.store'

/**
 * The request's photos, fetched on 查看照片 (one visit/get: the lists carry no temporary URLs): the resident's
 * own, and those the assignee added on completion. Shown to whoever may see the request.
 */
export function VisitPhotos({ visit }: { visit: VisitView }) {
  const loaded = useVisitStore((s) => s.photos[visit.id])
  const load = useVisitStore((s) => s.loadPhotos)
  const count = (visit.hasPhoto ? 1 : 0) + visit.completionPhotos
  if (count === 0) return null
  if (!loaded || loaded.status === 'idle' || loaded.status === 'error') {
    return (
      <View>
        {loaded?.status === 'error' && <Text className="t-body visit-error">{loaded.message}</Text>}
        <Button id={`photos-${visit.id}`} className="btn btn--ghost" onClick={() => void load(visit.id)}>
          查看照片（{count}张）
        </Button>
      </View>
    )
  }
  if (loaded.status === 'loading') return <Text className="t-caption visit-line">正在加载照片…</Text>
  const { photo, completion } = loaded.data
  return (
    <View>
      {photo.length > 0 && <Text className="t-caption visit-line">居民拍的照片</Text>}
      {photo.map((url) => (
        <Image key={url} className="visit-photo" src={url} mode="aspectFill" />
      ))}
      {completion.length > 0 && <Text className="t-caption visit-line">服务照片</Text>}
      {completion.map((url) => (
        <Image key={url} className="visit-photo" src={url} mode="aspectFill" />
      ))}
    </View>
  )
}
