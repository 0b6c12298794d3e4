/**
 * WeChat delivers a subscribe message only to a member who allowed it: `wx.requestSubscribeMessage` asks, on a
 * tap, for the templates the server names (`MeView.reminderTemplateIds`), and each 允许 lets one message through
 * (every message, once they tick 总是保持以上选择). This turns WeChat's answer into what the member reads.
 */
export type SubscribeAnswer = Record<string, string | undefined>

export function subscribeAnswerText(answer: SubscribeAnswer, templateIds: readonly string[]): string {
  const states = templateIds.map((id) => answer[id])
  if (states.every((s) => s === 'accept')) return '已开启提醒：书记提醒你学习或考试时，微信会通知你'
  if (states.some((s) => s === 'accept')) return '已开启部分提醒；未开启的提醒不会通知你'
  if (states.some((s) => s === 'ban')) return '提醒已被关闭，可在右上角“···”→设置→通知管理中开启'
  return '你没有允许接收提醒，书记的提醒将无法通知你；可随时再点这里开启'
}

/** The fail callback's answer: the member closed the dialog, or notifications are off for the mini-program. */
export function subscribeFailureText(errCode: number | undefined): string {
  // 20004: the main switch of subscribe messages is off in the mini-program's settings.
  if (errCode === 20004) return '小程序的消息通知已关闭，可在右上角“···”→设置→通知管理中开启'
  return '没有打开提醒设置，请稍后再试'
}
