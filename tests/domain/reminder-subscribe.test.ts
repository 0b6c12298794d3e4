import { refusalOf, reminderTemplateId } from '../../cloudfunctions/domain/reminder.rules'
import { subscribeAnswerText, subscribeFailureText } from '../../src/services/reminder-subscribe'
import { reminderSummary } from '../../src/stores/reminder-summary'

describe('subscribe messages', () => {
  it('reads each template id from the deployment, or the local placeholder', () => {
    expect(reminderTemplateId('study', { SUBSCRIBE_TEMPLATE_STUDY: ' abc ' })).toBe('abc')
    expect(reminderTemplateId('exam', {})).toBe('LOCAL_EXAM_REMINDER')
  })

  it('counts WeChat 43101 as not subscribed, anything else as failed', () => {
    expect(refusalOf({ errCode: 43101 })).toBe('unsubscribed')
    expect(refusalOf({ errCode: 40037 })).toBe('failed')
    expect(refusalOf(new Error('timeout'))).toBe('failed')
  })

  it('tells the member what they chose', () => {
    const ids = ['a', 'b']
    expect(subscribeAnswerText({ a: 'accept', b: 'accept' }, ids)).toMatch(/^已开启提醒/)
    expect(subscribeAnswerText({ a: 'accept', b: 'reject' }, ids)).toMatch(/^已开启部分提醒/)
    expect(subscribeAnswerText({ a: 'ban', b: 'reject' }, ids)).toMatch(/通知管理/)
    expect(subscribeAnswerText({ a: 'reject', b: 'reject' }, ids)).toMatch(/^你没有允许接收提醒/)
    expect(subscribeFailureText(20004)).toMatch(/消息通知已关闭/)
  })

  it('tells the secretary who could not be reached and why', () => {
    const text = reminderSummary({
      sent: 3,
      already: 1,
      unreachable: 1,
      resolved: 0,
      unsubscribed: 2,
      failed: 1,
    })
    expect(text).toBe(
      '已提醒3人；1人今天已提醒过；1人未绑定微信，无法提醒；2人未开启消息提醒（需本人在“我的”或“党建考核”页点“接收提醒”），未能送达；1人发送失败，可稍后再提醒',
    )
  })
})
