import Taro from '@tarojs/taro'

/**
 * Hands an exported .xlsx to the person: a download in the browser; in WeChat the file is written
 * to the user data folder and opened, from where it can be forwarded to a chat or a computer.
 */
export async function saveXlsx(fileName: string, base64: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${base64}`
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: reject,
    }),
  )
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
