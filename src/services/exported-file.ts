import type { ExportedFile } from '@contract/index'
import Taro from '@tarojs/taro'

type DocumentType = 'doc' | 'docx' | 'xls' | 'xlsx' | 'ppt' | 'pptx' | 'pdf'

const DOCUMENT_TYPES: readonly DocumentType[] = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf']

function documentType(fileName: string): DocumentType | undefined {
  const ext = fileName.split('.').pop()?.toLowerCase()
  return DOCUMENT_TYPES.find((t) => t === ext)
}

/**
 * Hands a file a function exported (a temporary URL to cloud storage) to the person: in WeChat it is
 * downloaded under its own name and opened, with the menu that forwards it to a chat or a computer; in the
 * browser it is downloaded. Rejects when the download fails.
 */
export async function openExportedFile(file: Pick<ExportedFile, 'url' | 'fileName'>): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = file.url
    link.download = file.fileName
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    return
  }
  // The user data folder keeps the name, so a forwarded file reads 题库-20250101.xlsx rather than tmp_xxx.
  const target = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  const res = await Taro.downloadFile({ url: file.url, filePath: target })
  if (res.statusCode !== 200) throw new Error(`download answered ${res.statusCode}`)
  await Taro.openDocument({
    filePath: res.filePath || target,
    fileType: documentType(file.fileName),
    showMenu: true,
  })
}
