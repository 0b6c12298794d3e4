import Taro from '@tarojs/taro'

/** A roster file is at most 1 MB; its base64 text then stays under the contract's limit. */
export const XLSX_MAX_BYTES = 1024 * 1024

export interface PickedFile {
  name: string
  size: number
  /** The file's bytes as base64, without any `data:` prefix. */
  base64: string
}

export type PickFailure = 'cancelled' | 'wrong-type' | 'too-large' | 'unreadable'

export type PickResult = { ok: true; file: PickedFile } | { ok: false; reason: PickFailure; message: string }

const MESSAGES: Record<PickFailure, string> = {
  cancelled: '未选择文件',
  'wrong-type': '请选择 .xlsx 格式的 Excel 文件（旧版 .xls 请先另存为 .xlsx）',
  'too-large': '文件超过 1MB，请删去多余的工作表或分成几个文件导入',
  unreadable: '无法读取这个文件，请重新选择',
}

function fail(reason: PickFailure): PickResult {
  return { ok: false, reason, message: MESSAGES[reason] }
}

/** Checks what can be checked before the bytes are read: the name and the size. */
function precheck(name: string, size: number): PickResult | null {
  if (!/\.xlsx$/i.test(name)) return fail('wrong-type')
  if (size > XLSX_MAX_BYTES) return fail('too-large')
  return null
}

/** In WeChat a file can only come from a chat: the person forwards the Excel to themselves first. */
async function pickInWeapp(): Promise<PickResult> {
  let chosen: Taro.chooseMessageFile.ChooseFile | undefined
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
    chosen = res.tempFiles[0]
  } catch (error) {
    const message = (error as { errMsg?: string } | null)?.errMsg ?? ''
    return fail(message.includes('cancel') ? 'cancelled' : 'unreadable')
  }
  if (!chosen) return fail('cancelled')
  const refused = precheck(chosen.name, chosen.size)
  if (refused) return refused
  const file = chosen
  return new Promise<PickResult>((resolve) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (res) =>
        resolve(
          typeof res.data === 'string' && res.data.length > 0
            ? { ok: true, file: { name: file.name, size: file.size, base64: res.data } }
            : fail('unreadable'),
        ),
      fail: () => resolve(fail('unreadable')),
    })
  })
}

function readAsBase64(file: File): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      const comma = url.indexOf(',')
      resolve(comma >= 0 && comma < url.length - 1 ? url.slice(comma + 1) : null)
    }
    reader.onerror = () => resolve(null)
    reader.readAsDataURL(file)
  })
}

/**
 * In the browser: a hidden file input. Browsers that do not fire `cancel` leave the promise
 * pending when the person closes the dialog, so callers must not lock the screen while waiting.
 */
function pickInBrowser(): Promise<PickResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    const done = (result: PickResult) => {
      input.remove()
      resolve(result)
    }
    input.addEventListener('cancel', () => done(fail('cancelled')))
    input.addEventListener('change', async () => {
      const file = input.files?.[0]
      if (!file) return done(fail('cancelled'))
      const refused = precheck(file.name, file.size)
      if (refused) return done(refused)
      const base64 = await readAsBase64(file)
      done(base64 ? { ok: true, file: { name: file.name, size: file.size, base64 } } : fail('unreadable'))
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** Lets the person choose one .xlsx file of at most 1 MB and reads it as base64. */
export function pickXlsx(): Promise<PickResult> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}
