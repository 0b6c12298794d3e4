/**
 * Renders a compiled Taro page of dist/weapp in miniprogram-simulate and lets a test use it like a person.
 *
 * The simulator only knows `Component`; a Taro build calls `App()` and `Page()`. This harness provides
 * `App`/`getApp`/`getCurrentPages`/`Page` and a `wx` whose storage, navigation, toasts and cloud calls are
 * recorded or answered by the test, loads the build's app.js (which pulls in runtime/taro/vendors/common),
 * then loads the page with the official wxml compiler (wcc) so it renders through Taro's base.wxml.
 * Taps and typing are dispatched as mini-program events on the rendered nodes, so they go through Taro's
 * event handler (`eh`) into React/zustand, and back to the screen through `setData`.
 *
 *   const page = await loadPage('pages/home/index', { cloud: async (name, data) => ({ ok: true, data: ... }) })
 *   await page.waitForText('首页')
 *   await page.tap('绑定')
 */
import fs from 'node:fs'
import path from 'node:path'

export const DIST_DIR = path.resolve(__dirname, '../../dist/weapp')

/** Answers `wx.cloud.callFunction({ name, data })`; the return value becomes `result`. Throwing makes the call fail. */
export type CloudHandler = (name: string, data: unknown) => unknown

export interface CloudCall {
  name: string
  /** What the page sent, e.g. `{ action: 'account/me', data: {} }`. */
  data: { action?: string; data?: unknown; [key: string]: unknown }
}

export interface Navigation {
  type: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
  url?: string
  delta?: number
}

export interface Toast {
  title: string
  icon?: string
}

export interface Modal {
  title?: string
  content?: string
}

export interface Upload {
  cloudPath: string
  filePath: string
}

/** A file as `wx.chooseMessageFile` lists it in `tempFiles`. */
export interface MessageFile {
  name: string
  size: number
  path: string
}

export interface Download {
  url: string
  /** Where the page asked the file to be saved (`filePath`), if it did. */
  filePath?: string
}

/** What the page gave `wx.openDocument`. */
export interface OpenedDocument {
  filePath: string
  fileType?: string
  showMenu?: boolean
}

/** What `wx.scanCode` answers: the scanned text (and `path` for a code of this mini-program). */
export interface ScanAnswer {
  result: string
  path?: string
}

interface SubPackage {
  root: string
  pages: string[]
}

/** What a page drew on a canvas: the backing store it set and every context call, by name. */
export interface FakeCanvas {
  width: number
  height: number
  calls: string[]
  exports: Record<string, unknown>[]
}

function fakeCanvasNode(fake: FakeCanvas) {
  const record =
    (name: string) =>
    (..._args: unknown[]) =>
      void fake.calls.push(name)
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    ...Object.fromEntries(
      ['scale', 'fillRect', 'beginPath', 'arc', 'fill', 'moveTo', 'quadraticCurveTo', 'lineTo', 'stroke'].map(
        (n) => [n, record(n)],
      ),
    ),
  }
  return {
    get width() {
      return fake.width
    },
    set width(v: number) {
      fake.width = v
    },
    get height() {
      return fake.height
    },
    set height(v: number) {
      fake.height = v
    },
    getContext: () => ctx,
  }
}

export interface LoadOptions {
  /** Backend for `wx.cloud.callFunction`. Without one every call fails with `cloud.callFunction:fail`. */
  cloud?: CloudHandler
  /** Initial local storage (`wx.getStorageSync`), values are stored as JSON copies. */
  storage?: Record<string, unknown>
  /** Page query, as from `?a=1&b=2` (given to `onLoad` and `useRouter().params`). */
  query?: Record<string, string>
  /** Answer to `wx.showModal`: true = confirm (default), false = cancel. */
  modal?: (modal: Modal) => boolean
  /**
   * Answer to `wx.scanCode` (the options the page passed are recorded in `scans`); throwing makes it
   * fail, e.g. `throw new Error('cancel')` for a person who closes the camera. Without one it fails.
   */
  scanCode?: (options: Record<string, unknown>) => ScanAnswer
  /**
   * The member's answer to `wx.requestSubscribeMessage` per template id ('accept', 'reject', 'ban'); the ids the
   * page asked for are recorded in `subscribeRequests`. Throwing makes it fail; without one it fails.
   */
  requestSubscribeMessage?: (tmplIds: string[]) => Record<string, string>
  /**
   * The files `wx.chooseMessageFile` answers with (the options the page passed are recorded in `fileChoices`);
   * throwing makes it fail, e.g. `throw new Error('cancel')`. Without one it fails.
   */
  chooseMessageFile?: (options: Record<string, unknown>) => MessageFile[]
  /**
   * The pictures `wx.chooseMedia` answers with (camera or album: a temporary path and a size); throwing makes it
   * fail, e.g. `throw new Error('cancel')`. Without one it fails.
   */
  chooseMedia?: (options: Record<string, unknown>) => { tempFilePath: string; size: number }[]
  /**
   * Answer to `wx.cloud.uploadFile` (recorded in `uploads` either way); throwing makes it fail. Without one the
   * upload succeeds with fileID `cloud://test/<cloudPath>`.
   */
  uploadFile?: (upload: Upload) => { fileID: string }
  /**
   * Answer to `wx.downloadFile` (recorded in `downloads`); throwing makes it fail. Without one it answers status
   * 200, saved where the page asked (or at a temporary path).
   */
  downloadFile?: (download: Download) => { statusCode: number }
  /**
   * Looks at each navigation (recorded in `navigations` either way); throwing makes it fail, as
   * `wx.navigateTo` fails when a sub-package cannot be downloaded. Without one every navigation succeeds.
   */
  navigate?: (navigation: Navigation) => void
  /**
   * A Canvas 2D node for `<Canvas type="2d">` (the simulator has none): its CSS size and the screen's pixel ratio.
   * The page's selector query for a canvas answers a recording stand-in (`canvas` on the harness), and
   * `wx.canvasToTempFilePath` answers a temporary PNG path. Without one, canvas queries answer no node.
   */
  canvas?: { width: number; height: number; pixelRatio: number }
  /** Build to load from; default dist/weapp. */
  distDir?: string
  /**
   * How long `loadPage` waits for the first render; default 4000 ms, inside jest's 5 s per test so that a page
   * that never renders fails with its errors rather than with a bare timeout.
   */
  timeoutMs?: number
}

export interface PageHarness {
  /** The page route, e.g. 'pages/home/index'. */
  readonly route: string
  /** All visible text, one line per element holding text (whitespace collapsed), plus a toast while it shows. */
  text(): string
  /** Whether `text()` contains the string (or matches the RegExp). */
  hasText(text: string | RegExp): boolean
  /** Polls until `text()` contains the text; throws with the current screen after `timeoutMs` (default 3000). */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>
  /** Polls until `text()` no longer contains the text. */
  waitForNoText(text: string | RegExp, timeoutMs?: number): Promise<void>
  /** Polls until `predicate()` is truthy. */
  waitFor(predicate: () => unknown, timeoutMs?: number, what?: string): Promise<void>
  /**
   * Taps the element whose text is exactly `target` (the innermost one; the tap bubbles like in WeChat),
   * or, when `target` starts with `#`, `.`, `[` or is a tag name like `button`, the first element matching
   * that selector. Waits up to `timeoutMs` (default 3000) for it to appear and be enabled, else throws.
   */
  tap(target: string, timeoutMs?: number): Promise<void>
  /**
   * Types `value` into an input/textarea found by selector (`#id`, `.class`, `input`) or by its placeholder
   * text: dispatches focus, input (detail.value) and blur, as a person typing then leaving the field.
   */
  input(target: string, value: string, timeoutMs?: number): Promise<void>
  /** The current value of an input/textarea, as rendered. */
  valueOf(target: string): string
  /** Whether the element found as for `tap` is disabled. */
  isDisabled(target: string): boolean
  /** An attribute of the element found as for `tap` as the page set it (e.g. an image's `src`); undefined if absent. */
  attrOf(target: string, name: string): unknown
  /** Calls a page lifecycle on the page instance, e.g. 'onShow', 'onPullDownRefresh'. */
  lifecycle(name: string, ...args: unknown[]): unknown
  readonly navigations: Navigation[]
  readonly cloudCalls: CloudCall[]
  readonly toasts: Toast[]
  readonly modals: Modal[]
  /** The options of each `wx.chooseMessageFile` call (`count`, `type`, `extension`). */
  readonly fileChoices: Record<string, unknown>[]
  /** Files given to `wx.cloud.uploadFile` (answered with fileID `cloud://test/<cloudPath>` by default). */
  readonly uploads: Upload[]
  /** Each `wx.downloadFile` call. */
  readonly downloads: Download[]
  /** Each `wx.openDocument` call. */
  readonly documents: OpenedDocument[]
  /** The options of each `wx.scanCode` call (`onlyFromCamera`, `scanType`). */
  readonly scans: Record<string, unknown>[]
  /** The template ids of each `wx.requestSubscribeMessage` call. */
  readonly subscribeRequests: string[][]
  /** The Canvas 2D stand-in (with `loadPage(…, { canvas })`): its backing store size and the drawing calls. */
  readonly canvas: FakeCanvas | null
  /**
   * Touch events on the element a CSS selector finds (`.signature-pad__canvas`), each touch at (x, y) relative to
   * it, as a canvas's touches are.
   */
  touch(selector: string, type: 'touchstart' | 'touchmove' | 'touchend', x: number, y: number): void
  /** Any other event on the element a CSS selector finds, e.g. a scroll view's `scrolltolower`. */
  fire(selector: string, type: string, detail?: Record<string, unknown>): void
  /** Each text given to `wx.setClipboardData`, in order. */
  readonly clipboard: string[]
  /**
   * The 2D canvases the page asked for through `wx.createSelectorQuery().select('#id').fields({ node: true })`, by
   * id: their backing size and every drawing call (`fillText:<text>`, `fillRect`, …) made on their context.
   */
  readonly canvases: Map<string, RecordedCanvas>
  /** Each `wx.setKeepScreenOn` value, in order. */
  readonly keepScreenOn: boolean[]
  /** Each `wx.pageScrollTo` the page asked for, in order. */
  readonly scrolls: { scrollTop: number }[]
  /**
   * The phone's connection changes: every `wx.onNetworkStatusChange` listener hears `isConnected`, as when
   * WeChat regains (or loses) the network.
   */
  setNetwork(isConnected: boolean): void
  readonly storage: Map<string, unknown>
  /** Uncaught errors seen while the page ran (timers, React). */
  readonly errors: unknown[]
  /** The rendered DOM (jsdom) of the page. */
  readonly dom: HTMLElement
  /** Unloads the page (onUnload) and removes it from the document. */
  close(): void
}

type Fn = (...args: unknown[]) => unknown

/** A canvas node as the selector query hands it out: a backing size and a context that records its calls. */
export interface RecordedCanvas {
  width: number
  height: number
  calls: string[]
}

/** The css size every queried node has in the simulator (it lays nothing out). */
const QUERIED_SIZE = { width: 320, height: 200 }

function recordedCanvas(): RecordedCanvas & { getContext(kind: string): unknown } {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key) =>
      key in target
        ? target[key as string]
        : (...args: unknown[]) =>
            void calls.push(key === 'fillText' ? `fillText:${String(args[0])}` : String(key)),
    set: (target, key, value) => {
      target[key as string] = value
      return true
    },
  })
  return { width: 0, height: 0, calls, getContext: () => ctx }
}

interface ExparserNode {
  is?: string
  _vt?: { attrs?: { name: string; value: unknown }[] }
  shadowRoot?: { querySelectorAll(sel: string): ExparserNode[] } | null
  childNodes?: ExparserNode[]
  $$?: HTMLElement
}

/** The parts of miniprogram-simulate, its exparser and the mini-program globals that the harness uses. */
interface RenderedComponent {
  dom: HTMLElement
  _exparserNode: ExparserNode
  attach(parent: Element): void
  detach(): void
}
interface Simulate {
  load(componentPath: string, options: { compiler: 'official'; rootPath: string }): string
  render(id: string): RenderedComponent
}
interface Exparser {
  Event: {
    create(type: string, detail: object, options: object): unknown
    dispatchEvent(node: ExparserNode, event: unknown): void
  }
}
interface PageInstance {
  route?: string
  __route__?: string
  options?: Record<string, string>
  data?: { root?: { cn?: unknown[] } }
  onLoad?: Fn
  onShow?: Fn
  onReady?: Fn
  onUnload?: Fn
  [method: string]: unknown
}
interface AppInstance {
  onLaunch?: Fn
  onShow?: Fn
}
interface MiniProgramGlobals {
  wx: Record<string, unknown>
  App(options: AppInstance): void
  getApp(): AppInstance | null
  getCurrentPages(): PageInstance[]
  Page(options: Record<string, unknown>): void
  Component(definition: Record<string, unknown>): void
}

/** Options of a wx async API: the caller's fields plus optional callbacks. */
type WxOptions = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

const openPages = new Set<PageHarness>()

interface Simulator {
  simulate: Simulate
  exparser: Exparser
  /** miniprogram-simulate's mock `wx`, before the harness puts its own answers over it. */
  wx: Record<string, unknown>
  Component: MiniProgramGlobals['Component']
}
let simulator: Simulator | null = null

/**
 * miniprogram-simulate and its exparser, loaded once per test file and kept across `jest.resetModules()`.
 * They hold nothing of the app under test (each page is registered under a new id; the app's own modules are still
 * fresh for every page). Loading them again for every page cost half of a page load's CPU, and lost simulate's copy
 * of wcc's output, so wcc was spawned to compile every wxml of the build again.
 */
function loadSimulator(): Simulator {
  const g = globalThis as unknown as MiniProgramGlobals
  if (!simulator) {
    // Loading it puts its mock `wx` (merged under any `wx` present), `Component` and `Behavior` on the global.
    Reflect.deleteProperty(g, 'wx')
    // requireActual only means: never a mock.
    const simulate = jest.requireActual<Simulate>('miniprogram-simulate')
    const exparser = jest.requireActual<Exparser>('miniprogram-exparser')
    simulator = { simulate, exparser, wx: g.wx, Component: g.Component }
  }
  g.Component = simulator.Component
  return simulator
}

/** Closes every page still open; registered as an afterEach when the harness is imported in a test file. */
export function closeAll(): void {
  for (const page of [...openPages]) page.close()
}
if (typeof afterEach === 'function') afterEach(closeAll)
// Loading the simulator is the file's setup, not part of whichever test happens to run first.
if (typeof beforeAll === 'function') beforeAll(() => void loadSimulator())

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

/** wx async API shape: callbacks when given, otherwise a promise. */
function wxAsync(name: string, run: (options: WxOptions) => unknown) {
  return (options: WxOptions = {}) => {
    const { success, fail, complete } = options
    const promise = Promise.resolve()
      .then(() => run(options))
      .then(
        (res) => ({ errMsg: `${name}:ok`, ...(res as object) }),
        (err) => {
          throw { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}` }
        },
      )
    if (!success && !fail && !complete) return promise
    promise.then(
      (res) => {
        success?.(res)
        complete?.(res)
      },
      (err) => {
        fail?.(err)
        complete?.(err)
      },
    )
    return undefined
  }
}

function splitQuery(url: string): [string, Record<string, string>] {
  const [p, q = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=')
    query[decodeURIComponent(k)] = decodeURIComponent(v)
  }
  return [p.replace(/^\//, ''), query]
}

function isHidden(el: Element): boolean {
  const style = el.getAttribute('style') ?? ''
  return /display\s*:\s*none/.test(style) || el.hasAttribute('hidden')
}

/**
 * Visible text of a DOM subtree: the text of each element on its own line (text nodes of one element
 * joined, so `<Text>计数 {n}</Text>` is one line `计数 3`), whitespace collapsed, empty lines dropped.
 */
function visibleText(root: Element): string {
  let out = ''
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? ''
      return
    }
    if (node.nodeType !== 1) return
    const el = node as Element
    if (isHidden(el)) return
    out += '\n'
    el.childNodes.forEach(walk)
    out += '\n'
  }
  walk(root)
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

function ownText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim()
}

const matches = (text: string, expected: string | RegExp) =>
  typeof expected === 'string' ? text.includes(expected) : expected.test(text)

const looksLikeSelector = (s: string) => /^[#.[]/.test(s) || /^[a-z][a-z-]*([#.[:\s>]|$)/.test(s)

/**
 * Loads a page of the weapp build (e.g. 'pages/home/index' or 'packages/account/pages/bind/index'),
 * renders it and waits for Taro's first render. Resets the jest module registry first, so every call
 * starts a fresh app (fresh zustand stores, fresh Taro runtime).
 */
export async function loadPage(route: string, options: LoadOptions = {}): Promise<PageHarness> {
  closeAll()
  jest.resetModules()
  const dist = options.distDir ?? DIST_DIR
  route = route.replace(/^\//, '').replace(/\.js$/, '')
  const pageFile = path.join(dist, `${route}.js`)
  if (!fs.existsSync(path.join(dist, 'app.js'))) {
    throw new Error(`${dist}/app.js not found: build first (npx taro build --type weapp)`)
  }
  if (!fs.existsSync(pageFile)) {
    const appJson: { pages: string[]; subPackages?: SubPackage[]; subpackages?: SubPackage[] } = JSON.parse(
      fs.readFileSync(path.join(dist, 'app.json'), 'utf8'),
    )
    const subs = (appJson.subPackages ?? appJson.subpackages ?? []).flatMap((sub) =>
      sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`),
    )
    throw new Error(`page ${route} is not in ${dist}; pages: ${[...appJson.pages, ...subs].join(', ')}`)
  }

  const g = globalThis as unknown as MiniProgramGlobals
  const query = options.query ?? {}
  const navigations: Navigation[] = []
  const clipboard: string[] = []
  const canvases = new Map<string, RecordedCanvas & { getContext(kind: string): unknown }>()
  const createSelectorQuery = () => {
    const wanted: string[] = []
    const query = {
      in: () => query,
      select: (selector: string) => ({
        fields: () => (wanted.push(selector), query),
        boundingClientRect: () => (wanted.push(selector), query),
      }),
      exec: (callback?: (res: unknown[]) => void) => {
        const res = wanted.map((selector) => {
          const id = selector.replace(/^#/, '')
          const node = canvases.get(id) ?? recordedCanvas()
          canvases.set(id, node)
          return { id, node, left: 0, top: 0, ...QUERIED_SIZE }
        })
        setTimeout(() => callback?.(res), 0)
        return query
      },
    }
    return query
  }
  const cloudCalls: CloudCall[] = []
  const toasts: Toast[] = []
  const modals: Modal[] = []
  const fileChoices: Record<string, unknown>[] = []
  const uploads: Upload[] = []
  const downloads: Download[] = []
  const documents: OpenedDocument[] = []
  const scans: Record<string, unknown>[] = []
  const subscribeRequests: string[][] = []
  const keepScreenOn: boolean[] = []
  const scrolls: { scrollTop: number }[] = []
  const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>()
  let connected = true
  const errors: unknown[] = []
  const storage = new Map<string, unknown>(Object.entries(clone(options.storage ?? {})))
  let toastShowing: { title: string; until: number } | null = null

  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message)
  window.addEventListener('error', onError)

  let requestSeq = 0
  let cloudInit: WxOptions | null = null
  const navigate = (type: Navigation['type']) =>
    wxAsync(type, (o) => {
      const navigation: Navigation =
        type === 'navigateBack' ? { type, delta: Number(o.delta ?? 1) } : { type, url: String(o.url) }
      navigations.push(navigation)
      options.navigate?.(navigation)
      return {}
    })

  const simulator = loadSimulator()
  // Over miniprogram-simulate's own mock `wx`, which answers what the harness does not.
  const canvas: FakeCanvas | null = options.canvas
    ? { width: 300, height: 150, calls: [], exports: [] }
    : null
  const canvasNode = canvas ? fakeCanvasNode(canvas) : null
  g.wx = {
    ...simulator.wx,
    ...(options.canvas && canvasNode && canvas
      ? {
          getWindowInfo: () => ({ pixelRatio: options.canvas?.pixelRatio ?? 1 }),
          createSelectorQuery: () => {
            const query = {
              in: () => query,
              select: () => query,
              fields: () => query,
              exec: (cb: (res: unknown[]) => void) =>
                setTimeout(() =>
                  cb([{ node: canvasNode, width: options.canvas?.width, height: options.canvas?.height }]),
                ),
            }
            return query
          },
          canvasToTempFilePath: wxAsync('canvasToTempFilePath', (o) => {
            const { success: _s, fail: _f, complete: _c, canvas: _n, ...given } = o
            canvas.exports.push({ ...clone(given), width: canvas.width, height: canvas.height })
            return { tempFilePath: 'wxfile://tmp/signature.png' }
          }),
        }
      : {}),
    getStorageSync: (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''),
    setStorageSync: (key: string, data: unknown) => void storage.set(key, clone(data)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorage: wxAsync('getStorage', (o) => {
      if (!storage.has(String(o.key))) throw new Error('data not found')
      return { data: clone(storage.get(String(o.key))) }
    }),
    setStorage: wxAsync('setStorage', (o) => void storage.set(String(o.key), clone(o.data))),
    removeStorage: wxAsync('removeStorage', (o) => void storage.delete(String(o.key))),
    clearStorage: wxAsync('clearStorage', () => storage.clear()),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    showToast: wxAsync('showToast', (o) => {
      const title = String(o.title ?? '')
      toasts.push({ title, icon: o.icon === undefined ? undefined : String(o.icon) })
      toastShowing = { title, until: Date.now() + Number(o.duration ?? 1500) }
      return {}
    }),
    hideToast: wxAsync('hideToast', () => void (toastShowing = null)),
    showLoading: wxAsync('showLoading', () => ({})),
    hideLoading: wxAsync('hideLoading', () => ({})),
    showModal: wxAsync('showModal', (o) => {
      const modal = { title: o.title as string | undefined, content: o.content as string | undefined }
      modals.push(modal)
      const confirm = options.modal ? options.modal(modal) : true
      return { confirm, cancel: !confirm }
    }),
    login: wxAsync('login', () => ({ code: 'test-login-code' })),
    requestSubscribeMessage: wxAsync('requestSubscribeMessage', (o) => {
      const ids = [...((o as { tmplIds?: string[] }).tmplIds ?? [])]
      subscribeRequests.push(ids)
      if (!options.requestSubscribeMessage)
        throw new Error('no requestSubscribeMessage answer given to loadPage')
      return options.requestSubscribeMessage(ids)
    }),
    scanCode: wxAsync('scanCode', (o) => {
      const { success: _s, fail: _f, complete: _c, ...given } = o
      scans.push(clone(given))
      if (!options.scanCode) throw new Error('no scanCode answer given to loadPage')
      return { scanType: 'QR_CODE', charSet: 'utf8', rawData: '', ...options.scanCode(given) }
    }),
    setClipboardData: wxAsync('setClipboardData', (o) => void clipboard.push(String(o.data))),
    // The signature pad's single canvas (options.canvas) answers its own query, set above; otherwise the recording one.
    ...(options.canvas ? {} : { createSelectorQuery }),
    getSystemInfoSync: () => ({
      pixelRatio: 2,
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      platform: 'devtools',
    }),
    setKeepScreenOn: wxAsync('setKeepScreenOn', (o) => void keepScreenOn.push(Boolean(o.keepScreenOn))),
    pageScrollTo: wxAsync('pageScrollTo', (o) => void scrolls.push({ scrollTop: Number(o.scrollTop ?? 0) })),
    onNetworkStatusChange: (listener: (res: { isConnected: boolean; networkType: string }) => void) =>
      void networkListeners.add(listener),
    offNetworkStatusChange: (listener?: (res: { isConnected: boolean; networkType: string }) => void) =>
      void (listener ? networkListeners.delete(listener) : networkListeners.clear()),
    getNetworkType: wxAsync('getNetworkType', () => ({ networkType: connected ? 'wifi' : 'none' })),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    chooseMessageFile: wxAsync('chooseMessageFile', (o) => {
      const { success: _s, fail: _f, complete: _c, ...given } = o
      fileChoices.push(clone(given))
      if (!options.chooseMessageFile) throw new Error('no chooseMessageFile answer given to loadPage')
      const tempFiles = options.chooseMessageFile(given).map((f) => ({ ...f, type: 'file', time: 0 }))
      return { tempFiles }
    }),
    chooseMedia: wxAsync('chooseMedia', (o) => {
      const { success: _s, fail: _f, complete: _c, ...given } = o
      if (!options.chooseMedia) throw new Error('no chooseMedia answer given to loadPage')
      const tempFiles = options.chooseMedia(given).map((f) => ({ ...f, fileType: 'image' }))
      return { tempFiles, type: 'image' }
    }),
    downloadFile: wxAsync('downloadFile', (o) => {
      const download: Download = {
        url: String(o.url),
        ...(o.filePath ? { filePath: String(o.filePath) } : {}),
      }
      downloads.push(download)
      const { statusCode } = options.downloadFile ? options.downloadFile(download) : { statusCode: 200 }
      return download.filePath
        ? { statusCode, filePath: download.filePath }
        : { statusCode, tempFilePath: `wxfile://tmp/download-${downloads.length}` }
    }),
    openDocument: wxAsync('openDocument', (o) => {
      documents.push({
        filePath: String(o.filePath),
        ...(o.fileType === undefined ? {} : { fileType: String(o.fileType) }),
        ...(o.showMenu === undefined ? {} : { showMenu: Boolean(o.showMenu) }),
      })
      return {}
    }),
    cloud: {
      init: (o: WxOptions = {}) => void (cloudInit = o),
      uploadFile: wxAsync('cloud.uploadFile', async (o) => {
        const upload: Upload = { cloudPath: String(o.cloudPath), filePath: String(o.filePath) }
        uploads.push(upload)
        if (!cloudInit) throw new Error('please call wx.cloud.init first')
        const answer = options.uploadFile
          ? options.uploadFile(upload)
          : { fileID: `cloud://test/${o.cloudPath}` }
        // A network round trip: answer on a later macrotask, as the real client does.
        await new Promise((resolve) => setTimeout(resolve, 0))
        return { ...answer, statusCode: 204 }
      }),
      getTempFileURL: wxAsync('cloud.getTempFileURL', (o) => ({
        fileList: ((o.fileList ?? []) as (string | { fileID: string })[]).map((f) => {
          const fileID = typeof f === 'string' ? f : f.fileID
          return { fileID, tempFileURL: `https://test.invalid/${fileID.replace('cloud://', '')}`, status: 0 }
        }),
      })),
      callFunction: wxAsync('cloud.callFunction', async (o) => {
        const call: CloudCall = { name: String(o.name), data: clone(o.data as CloudCall['data']) }
        cloudCalls.push(call)
        // As in WeChat: the cloud API refuses calls until the app has called wx.cloud.init().
        if (!cloudInit) throw new Error('please call wx.cloud.init first')
        if (!options.cloud) throw new Error(`no cloud handler given to loadPage for ${o.name}`)
        const result = await options.cloud(call.name, clone(call.data))
        // A network round trip: answer on a later macrotask, as the real client does.
        await new Promise((resolve) => setTimeout(resolve, 0))
        return { result: clone(result), requestID: `test-${++requestSeq}` }
      }),
    },
  }

  let app: AppInstance | null = null
  const pages: PageInstance[] = []
  g.App = (appOptions) => {
    app = appOptions
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages.slice()

  const { simulate, exparser, Component: simulateComponent } = simulator

  // A Taro page is registered as a Component whose methods are the page's lifecycles and `eh`.
  g.Page = (pageOptions: Record<string, unknown>) => {
    const methods: Record<string, Fn> = {}
    for (const [key, value] of Object.entries(pageOptions)) {
      if (typeof value === 'function') methods[key] = value as Fn
    }
    simulateComponent({
      data: pageOptions.data ?? {},
      methods,
      options: { classPrefix: '' },
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route
          this.__route__ = route
          this.options = { ...query }
          pages.push(this)
          this.onLoad?.({ ...query })
          this.onShow?.()
        },
        ready(this: PageInstance) {
          this.onReady?.()
        },
        detached(this: PageInstance) {
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }

  jest.requireActual(path.join(dist, 'app.js'))
  const launched = app as AppInstance | null
  if (!launched) throw new Error('app.js did not call App()')
  const launch = { path: route, query: { ...query }, scene: 1001, referrerInfo: {} }
  launched.onLaunch?.(launch)
  launched.onShow?.(launch)

  const id = simulate.load(path.join(dist, route), { compiler: 'official', rootPath: dist })
  const comp = simulate.render(id)
  const host = document.createElement('div')
  document.body.appendChild(host)
  comp.attach(host)
  const instance = (): PageInstance | undefined => pages[0]

  // --- finding things on the screen ---
  const exparserOf = (el: Element): ExparserNode | undefined =>
    (el as Element & { __wxElement?: ExparserNode }).__wxElement
  const attr = (el: Element, name: string): unknown =>
    exparserOf(el)?._vt?.attrs?.find((a) => a.name === name)?.value

  /** All exparser nodes matching a selector, in the page and in nested custom components (Taro's `comp`). */
  const querySelectorAll = (selector: string): HTMLElement[] => {
    const found: HTMLElement[] = []
    const visit = (node: ExparserNode) => {
      if (node.shadowRoot) {
        for (const n of node.shadowRoot.querySelectorAll(selector)) if (n.$$) found.push(n.$$)
        visit(node.shadowRoot as ExparserNode)
      }
      for (const child of node.childNodes ?? []) visit(child)
    }
    visit(comp._exparserNode)
    return found.filter((el) => !el.closest('[hidden]'))
  }

  const byText = (text: string): HTMLElement | undefined => {
    const all = Array.from(comp.dom.querySelectorAll('*')) as HTMLElement[]
    const exact = all.filter((el) => ownText(el) === text && !isHidden(el))
    // innermost match: no matching descendant
    return exact.find((el) => !exact.some((other) => other !== el && el.contains(other)))
  }

  /** `#id`/`.class` through exparser (ids are not written to the DOM); tag names through the DOM (`wx-` tags). */
  const bySelector = (selector: string): HTMLElement | undefined => {
    try {
      const found = querySelectorAll(selector)[0]
      if (found) return found
    } catch {
      // exparser does not understand this selector; try the DOM
    }
    const domSelector = selector.replace(/(^|[\s>+~,(])(?!wx-)([a-z][a-z-]*)/g, '$1wx-$2')
    const all = Array.from(comp.dom.querySelectorAll(domSelector)) as HTMLElement[]
    return all.find((el) => !isHidden(el))
  }

  const find = (target: string): HTMLElement | undefined =>
    (looksLikeSelector(target) ? bySelector(target) : undefined) ?? byText(target)

  const findField = (target: string): HTMLElement | undefined => {
    if (looksLikeSelector(target)) {
      const found = find(target)
      if (found) return found
    }
    const fields = Array.from(comp.dom.querySelectorAll('wx-input, wx-textarea')) as HTMLElement[]
    return (
      fields.find((el) => attr(el, 'placeholder') === target) ??
      fields.find((el) => String(attr(el, 'placeholder') ?? '').includes(target))
    )
  }

  const text = () => {
    const page = visibleText(comp.dom)
    if (toastShowing && toastShowing.until > Date.now() && toastShowing.title) {
      return `${page}\n${toastShowing.title}`
    }
    return page
  }

  const waitFor = async (predicate: () => unknown, timeoutMs = 3000, what = 'condition') => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (await predicate()) return
      if (Date.now() > deadline) {
        const err = new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}\n--- screen ---\n${text()}\n--- cloud calls ---\n` +
            `${JSON.stringify(cloudCalls)}${errors.length ? `\n--- errors ---\n${errors.map(String).join('\n')}` : ''}`,
        )
        Error.captureStackTrace?.(err, waitFor)
        throw err
      }
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  const waitForElement = async (
    target: string,
    look: (t: string) => HTMLElement | undefined,
    timeoutMs: number,
  ) => {
    let el: HTMLElement | undefined
    await waitFor(() => (el = look(target)), timeoutMs, `"${target}" to appear`)
    return el as HTMLElement
  }

  const dispatch = (el: HTMLElement, type: string, detail: Record<string, unknown>) => {
    const node = exparserOf(el)
    if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program node`)
    const event = exparser.Event.create(type, detail, {
      bubbles: type === 'tap',
      composed: true,
      capturePhase: true,
      extraFields: { touches: [], changedTouches: [] },
    })
    exparser.Event.dispatchEvent(node, event)
  }

  const fireOn = (selector: string, type: string, detail: object, extraFields: object) => {
    const el = comp.dom.querySelector(selector) as HTMLElement | null
    const node = el && exparserOf(el)
    if (!node) throw new Error(`no rendered element ${selector}\n--- screen ---\n${text()}`)
    const event = exparser.Event.create(type, detail, {
      bubbles: false,
      composed: true,
      capturePhase: true,
      extraFields,
    })
    exparser.Event.dispatchEvent(node, event)
  }

  const isDisabled = (el: HTMLElement) => {
    for (let cur: HTMLElement | null = el; cur && cur !== comp.dom; cur = cur.parentElement) {
      const d = attr(cur, 'disabled')
      if (d === true || d === 'true') return true
    }
    return false
  }

  // Wait for Taro's first setData: onLoad mounts React, then Taro flushes its tree into `root`.
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + (options.timeoutMs ?? 4000)
    const poll = () => {
      const cn = instance()?.data?.root?.cn
      if (Array.isArray(cn) && cn.length > 0) return resolve()
      if (Date.now() > deadline) {
        return reject(
          new Error(`page ${route} did not render; errors: ${errors.map(String).join('\n') || 'none'}`),
        )
      }
      setTimeout(poll, 10)
    }
    poll()
  })

  const harness: PageHarness = {
    route,
    text,
    hasText: (expected) => matches(text(), expected),
    waitForText: (expected, timeoutMs) =>
      waitFor(() => matches(text(), expected), timeoutMs, `text ${JSON.stringify(String(expected))}`),
    waitForNoText: (expected, timeoutMs) =>
      waitFor(() => !matches(text(), expected), timeoutMs, `text ${JSON.stringify(String(expected))} to go`),
    waitFor,
    async tap(target, timeoutMs = 3000) {
      // A person waits for the button to show up and become enabled (e.g. after typing), then taps it.
      let el: HTMLElement | undefined
      try {
        await waitFor(
          () => (el = find(target)) && !isDisabled(el),
          timeoutMs,
          `"${target}" to appear enabled`,
        )
      } catch (e) {
        if (el) throw new Error(`"${target}" is disabled\n--- screen ---\n${text()}`)
        throw e
      }
      dispatch(el as HTMLElement, 'tap', { x: 0, y: 0 })
    },
    async input(target, value, timeoutMs = 3000) {
      const el = await waitForElement(target, findField, timeoutMs)
      if (isDisabled(el)) throw new Error(`field "${target}" is disabled`)
      dispatch(el, 'focus', { value: String(attr(el, 'value') ?? ''), height: 0 })
      dispatch(el, 'input', { value, cursor: value.length, keyCode: 0 })
      dispatch(el, 'blur', { value, cursor: value.length })
    },
    valueOf(target) {
      const el = findField(target)
      if (!el) throw new Error(`no field "${target}"\n--- screen ---\n${text()}`)
      return String(attr(el, 'value') ?? '')
    },
    isDisabled(target) {
      const el = find(target)
      if (!el) throw new Error(`no element "${target}"\n--- screen ---\n${text()}`)
      return isDisabled(el)
    },
    attrOf(target, name) {
      const el = find(target)
      if (!el) throw new Error(`no element "${target}"\n--- screen ---\n${text()}`)
      return attr(el, name)
    },
    lifecycle: (name, ...args) => (instance()?.[name] as Fn | undefined)?.(...args),
    navigations,
    cloudCalls,
    toasts,
    modals,
    fileChoices,
    uploads,
    downloads,
    documents,
    scans,
    canvas,
    touch(selector, type, x, y) {
      const point = { identifier: 0, x, y, clientX: x, clientY: y, pageX: x, pageY: y }
      fireOn(selector, type, {}, { touches: type === 'touchend' ? [] : [point], changedTouches: [point] })
    },
    fire: (selector, type, detail = {}) =>
      fireOn(selector, type, detail, { touches: [], changedTouches: [] }),
    keepScreenOn,
    scrolls,
    setNetwork(isConnected) {
      connected = isConnected
      for (const listener of [...networkListeners])
        listener({ isConnected, networkType: isConnected ? 'wifi' : 'none' })
    },
    clipboard,
    subscribeRequests,
    canvases,
    storage,
    errors,
    get dom() {
      return comp.dom as HTMLElement
    },
    close() {
      if (!openPages.delete(harness)) return
      comp.detach()
      host.remove()
      window.removeEventListener('error', onError)
    },
  }
  openPages.add(harness)
  return harness
}

/** Splits a recorded navigation URL into route and query, e.g. for `expect(route).toBe('pages/home/index')`. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [route, query] = splitQuery(url)
  return { route, query }
}
