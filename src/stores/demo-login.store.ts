import Taro from '@tarojs/taro'
import { create } from 'zustand'

import { messageOf } from '../services/cloud'
import { setSessionToken } from '../services/session'
import { useAccountStore } from './account.store'
import { idle, type Loadable, track } from './async-state'

/** H5 + local host only: the people of the demo street, as the local host offers them. */
export interface Persona {
  openid: string
  name: string
  label: string
  hint?: string
}

interface DemoLoginState {
  personas: Loadable<Persona[]>
  load(): Promise<void>
  signIn(choice: { openid: string } | { fresh: true }): Promise<string | null>
}

async function post<T>(url: string, data: unknown): Promise<T> {
  const res = await Taro.request<T>({
    url,
    method: 'POST',
    data,
    header: { 'content-type': 'application/json' },
  })
  if (res.statusCode !== 200) throw new Error(String(res.statusCode))
  return res.data
}

export const useDemoLoginStore = create<DemoLoginState>((set) => ({
  personas: idle,
  async load() {
    await track(
      (personas) => set({ personas }),
      async () => (await Taro.request<{ personas: Persona[] }>({ url: '/local/personas' })).data.personas,
    )
  },
  /** Resolves with null on success, or the message to show. */
  async signIn(choice) {
    try {
      const { token } = await post<{ token: string }>('/local/login', choice)
      setSessionToken(token)
      useAccountStore.getState().reset()
      return null
    } catch (error) {
      return messageOf(error)
    }
  },
}))
