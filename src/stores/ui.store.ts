import Taro from '@tarojs/taro'
import { create } from 'zustand'

const LARGE_FONT_KEY = 'ui-large-font'

/**
 * H5 only: the tab bar and navigation bar live outside every page's Screen, so 大字模式 also marks the
 * document (`large-font` on body, styled in app.scss). WeChat draws both natively; see the README.
 */
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.body.classList.toggle('large-font', on)
  }
}

interface UiState {
  /** 大字模式: bigger type and tap targets on every page, kept on the phone. */
  largeFont: boolean
  setLargeFont(on: boolean): void
}

export const useUiStore = create<UiState>((set) => {
  const largeFont = Taro.getStorageSync(LARGE_FONT_KEY) === true
  markDocument(largeFont)
  return {
    largeFont,
    setLargeFont(on) {
      Taro.setStorageSync(LARGE_FONT_KEY, on)
      markDocument(on)
      set({ largeFont: on })
    },
  }
})
