import './index.scss'

import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export interface Tile {
  key: string
  title: string
  caption?: string
  /** Tiles for capabilities not yet open are shown greyed, so people know they are coming. */
  disabled?: boolean
  onTap?: () => void
}

/** A tile not yet open says so when tapped, rather than doing nothing. */
function sayComing(title: string): void {
  void Taro.showToast({ title: `${title}即将开放，敬请期待`, icon: 'none' })
}

export function TileGrid({ tiles }: { tiles: Tile[] }) {
  return (
    <View className="tile-grid">
      {tiles.map((tile) => (
        <View
          key={tile.key}
          className={`tile ${tile.disabled ? 'tile--disabled' : ''}`}
          onClick={tile.disabled ? () => sayComing(tile.title) : tile.onTap}
        >
          <Text className="t-body tile__title">{tile.title}</Text>
          {tile.caption && <Text className="t-caption">{tile.caption}</Text>}
        </View>
      ))}
    </View>
  )
}
