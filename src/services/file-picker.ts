import Taro from '@tarojs/taro'

import { hasExtension, UPLOAD_KINDS } from '../../cloudfunctions/domain/upload.rules'
import type { DeviceFile } from './cloud'

/** A roster or bank file is at most 1 MB (the function checks again on what it reads). */
export const XLSX_MAX_BYTES = UPLOAD_KINDS.xlsx.maxBytes

export interface PickedFile {
  name: string
  size: number
  /** The file itself, handed to `upload` as it is: never read into the page or sent inside a call. */
  source: DeviceFile
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

/** What can be checked on the phone: the name and the size. */
function checked(name: string, size: number, source: DeviceFile): PickResult {
  if (!hasExtension('xlsx', name)) return fail('wrong-type')
  if (size > XLSX_MAX_BYTES) return fail('too-large')
  return { ok: true, file: { name, size, source } }
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
  return chosen.path ? checked(chosen.name, chosen.size, chosen.path) : fail('unreadable')
}

/**
 * In the browser: a hidden file input, answering the chosen file or null. Browsers that do not fire `cancel`
 * leave the promise pending when the person closes the dialog, so callers must not lock the screen while waiting.
 */
export function chooseInBrowser(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('cancel', () => done(null))
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    document.body.appendChild(input)
    input.click()
  })
}

async function pickInBrowser(): Promise<PickResult> {
  const file = await chooseInBrowser(
    '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  return file ? checked(file.name, file.size, file) : fail('cancelled')
}

/** Lets the person choose one .xlsx file of at most 1 MB; `upload` then puts it in cloud storage. */
export function pickXlsx(): Promise<PickResult> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeapp()
}
