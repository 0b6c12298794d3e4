import Taro from '@tarojs/taro'
import { create } from 'zustand'

const LARGE_FONT_KEY = 'ui-large-font'

interface UiState {
  /** 大字模式: bigger type and tap targets on every page, kept on the phone. */
  largeFont: boolean
  setLargeFont(on: boolean): void
}

export const useUiStore = create<UiState>((set) => ({
  largeFont: Taro.getStorageSync(LARGE_FONT_KEY) === true,
  setLargeFont(on) {
    Taro.setStorageSync(LARGE_FONT_KEY, on)
    set({ largeFont: on })
  },
}))
