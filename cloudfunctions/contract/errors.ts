/**
 * Every failure an action can return, with the Chinese message a member or an elderly
 * resident reads. Codes are stable: clients and tests match on them, never on the text.
 * `{name}` placeholders are filled from the error's params.
 */
export const ERRORS = {
  'COMMON.BAD_REQUEST': '请求格式不正确，请更新小程序后重试',
  'COMMON.UNKNOWN_ACTION': '不支持的操作，请更新小程序后重试',
  'COMMON.INVALID_INPUT': '填写的内容有误：{detail}',
  'COMMON.TOO_LARGE': '提交的内容过大，请精简后再试',
  'COMMON.TOO_DEEP': '提交的内容层级过深，请更新小程序后重试',
  'COMMON.UNAUTHENTICATED': '无法识别你的微信身份，请重新打开小程序',
  'COMMON.NOT_BOUND': '请先绑定党员身份',
  'COMMON.FORBIDDEN': '你没有权限进行此操作',
  'COMMON.NOT_FOUND': '记录不存在或已被删除',
  'COMMON.INTERNAL': '服务暂时不可用，请稍后再试',
  'COMMON.RETRY': '系统繁忙，请再试一次',
  'COMMON.NETWORK': '网络不通，请检查网络后重试',
  'COMMON.TIMER_ONLY': '此操作只能由系统定时执行',
  'ACCOUNT.ALREADY_BOUND': '你已绑定党员身份，无需重复绑定',
  'ACCOUNT.INVITE_INVALID': '邀请码无效，请向书记核对',
  'ACCOUNT.INVITE_EXPIRED': '邀请码已过期，请联系书记重新生成',
  'ACCOUNT.INVITE_USED': '邀请码已被使用，请联系书记重新生成',
  'ACCOUNT.MEMBER_TAKEN': '该党员身份已被其他微信绑定，请联系书记处理',
  'ACCOUNT.MATCH_FAILED': '姓名与手机号后四位与花名册不符，还可尝试{remaining}次',
  'ACCOUNT.MATCH_AMBIGUOUS': '花名册中有多位同名党员，请使用书记提供的邀请码绑定',
  'ACCOUNT.BIND_LOCKED': '尝试次数过多，请{hours}小时后再试，或使用书记提供的邀请码',
  'ACCOUNT.INVITE_BEYOND_REACH': '“{name}”担任{org}{role}，超出你能授予的范围，请由街道管理员生成邀请码',
  'ACCOUNT.INVITE_OUTDATED': '邀请码已失效（对应党员的职务有变动），请联系街道管理员重新生成',
  'ORG.NOT_FOUND': '组织不存在或已被删除',
  'ORG.BAD_PARENT': '{detail}',
  'ORG.NAME_TAKEN': '同一上级下已有名为“{name}”的组织',
  'ORG.NOT_EMPTY': '该组织下还有下级组织或党员，不能删除',
  'ORG.ROOT_FIXED': '街道党工委是组织树的根，不能删除',
  'MEMBER.NOT_FOUND': '党员不存在或已被删除',
  'MEMBER.PHONE_TAKEN': '手机号 {phone} 已被花名册中的其他党员使用',
  'MEMBER.LAST_ADMIN': '至少要保留一位街道管理员',
  'MEMBER.ALREADY_BOUND': '该党员已绑定微信，无需邀请码',
  'MEMBER.ROLE_PLACEMENT': '“{role}”不能设在{org}上',
  'MEMBER.MOVED_MEANWHILE': '该党员刚被调整到其他组织，请刷新后再试',
  'FILE.FORBIDDEN': '只能使用你自己刚上传的文件，请重新选择文件',
  'FILE.NOT_FOUND': '文件不存在或已过期，请重新选择文件',
  'FILE.TOO_LARGE': '文件超过{limit}，请删去多余的内容或分成几个文件',
  'FILE.WRONG_TYPE': '这不是 {type} 格式的文件，请重新选择',
  'FILE.UPLOAD_FAILED': '文件上传失败，请检查网络后重试',
  'FILE.DOWNLOAD_FAILED': '文件下载失败，请检查网络后重试',
  'ROSTER.FILE_UNREADABLE': '无法读取文件，请上传 .xlsx 格式的花名册',
  'STUDY.SESSION_NOT_FOUND': '活动不存在或已被删除',
  'STUDY.BAD_TIME': '{detail}',
  'STUDY.CANCELLED': '活动已取消',
  'STUDY.HAS_CHECKINS': '已有人签到的活动不能取消',
  'STUDY.FIXED_BY_CHECKINS': '已有签到记录，不能再修改类型、形式或时间',
  'STUDY.MAKEUP_TOO_EARLY': '活动开始后才能补签或补学',
  'STUDY.ENDED': '活动已结束，签到码不再显示',
  'STUDY.QR_EXPIRED': '二维码已过期，请重新扫码',
  'STUDY.QR_INVALID': '这不是本系统的签到二维码，请扫描书记出示的签到码',
  'STUDY.NOT_IN_WINDOW': '不在签到时间（签到时间为开始前30分钟至结束）',
  'STUDY.NOT_IN_SCOPE': '你不在本次活动的参会范围',
  'STUDY.STATIC_DISABLED': '本次活动未开放海报码签到，请扫描书记手机上的动态码',
  'STUDY.ALREADY_RECORDED': '该党员本次活动已有签到记录',
  'STUDY.LEAVE_CLOSED': '活动已开始，不能再请假',
  'STUDY.LEAVE_EXISTS': '你已提交过本次活动的请假',
  'STUDY.LEAVE_DECIDED': '该请假已处理',
  'STUDY.LEAVE_NOT_FOUND': '请假记录不存在或已被删除',
  'STUDY.LECTURER_NOT_FOUND': '讲师不存在',
  'QUIZ.QUESTION_NOT_FOUND': '题目不存在或已被删除',
  'QUIZ.QUESTION_INVALID': '题目有误：{detail}',
  'QUIZ.QUESTION_RETIRED': '这道题已经停用',
  'QUIZ.FILE_UNREADABLE': '无法读取文件，请上传 .xlsx 格式的题库',
  'QUIZ.IMPORT_INVALID': '题库有 {count} 行有误，未导入任何题目，请修改后重新导入',
  'QUIZ.EXAM_NOT_FOUND': '考试不存在或已被删除',
  'QUIZ.EXAM_INVALID': '考试设置有误：{detail}',
  'QUIZ.EXAM_PUBLISHED': '考试已发布，不能再修改或删除',
  'QUIZ.EXAM_NOT_PUBLISHED': '考试还是草稿，不能提前结束；不需要的草稿可以删除',
  'QUIZ.EXAM_ALREADY_CLOSED': '考试已经结束',
  'QUIZ.DRAW_SHORT': '题库题目不够，不能发布：{detail}',
  'QUIZ.NOT_EXPECTED': '你不在本次考试的应考范围内',
  'QUIZ.NOT_OPEN': '考试尚未开始，开始时间：{time}',
  'QUIZ.CLOSED': '考试已结束',
  'QUIZ.NO_ATTEMPTS_LEFT': '你的{allowed}次作答机会已用完',
  'QUIZ.ATTEMPT_NOT_FOUND': '作答记录不存在',
  'QUIZ.BAD_ANSWER': '答案与题目不符，请重新选择',
  'QUIZ.ALREADY_SUBMITTED': '试卷已交，答案不能再修改',
  'QUIZ.DEADLINE_PASSED': '考试时间已到，已按保存的答案评分',
  'QUIZ.PRACTICE_NOT_FOUND': '今日练习中没有这道题，请重新开始练习',
  'QUIZ.PRACTICE_PAUSED': '这道题在你正在作答的考试中，交卷后再练习',
  'ROSTER.IMPORT_INVALID': '花名册有 {count} 行有误，未导入任何数据，请修改后重新导入',
  'PLEDGE.TEMPLATE_NOT_FOUND': '承诺书模板不存在或已被删除',
  'PLEDGE.TEMPLATE_CHANGED': '模板刚被别人修改过（已有第{version}版），请刷新后在最新版本上修改',
  'PLEDGE.CAMPAIGN_NOT_FOUND': '签订任务不存在或已被删除',
  'PLEDGE.NOBODY_ASSIGNED': '所选范围内没有符合条件的党员，请调整签订对象',
  'PLEDGE.DEADLINE_PAST': '截止时间应晚于现在',
  'PLEDGE.NOT_FOUND': '承诺书不存在，或不是分配给你的',
  'PLEDGE.ALREADY_SIGNED': '这份承诺书你已经签过了，不能重复签署',
  'PLEDGE.NOT_SIGNED': '这份承诺书还没有签署',
  'PLEDGE.SIGNATURE_INVALID': '{detail}',
  'PLEDGE.IMAGE_INVALID': '签名图片不正确：{detail}',
  'VOLUNTEER.ACTIVITY_NOT_FOUND': '志愿活动不存在或已被删除',
  'VOLUNTEER.START_PASSED': '活动开始时间已过，请选择以后的时间',
  'VOLUNTEER.CLOSED': '活动已结项，不能再报名或登记时长',
  'VOLUNTEER.FULL': '名额已满（共{capacity}人）',
  'VOLUNTEER.ALREADY_JOINED': '你已报名本次活动',
  'VOLUNTEER.SIGNUP_CLOSED': '活动已开始，报名已截止',
  'VOLUNTEER.CODE_ENDED': '已过签退时间，签到码不再显示',
  'VOLUNTEER.WITHDRAW_CLOSED': '活动已开始，不能再取消报名',
  'VOLUNTEER.NOT_JOINED': '未报名本次活动，请先报名',
  'VOLUNTEER.QR_EXPIRED': '二维码已过期，请重新扫码',
  'VOLUNTEER.QR_INVALID': '这不是志愿活动的签到码，请扫描组织者出示的签到码',
  'VOLUNTEER.NOT_YET': '还没到签到时间（开始前30分钟可签到）',
  'VOLUNTEER.SIGN_IN_CLOSED': '活动已结束，不能再签到；如需补录请联系组织者',
  'VOLUNTEER.SCAN_CLOSED': '已过签退时间，请联系组织者补录',
  'VOLUNTEER.PAIRS_LIMIT': '同一活动每天最多签到签退3次',
  'VOLUNTEER.PLANNED_REACHED': '本次活动的时长已达到计划时长，不能再签到',
  'VOLUNTEER.MAKEUP_TOO_EARLY': '活动开始后才能补录',
  'VOLUNTEER.MAKEUP_TOO_LONG': '补录时长超过计划时长，最多还能补录{minutes}分钟',
  'VOLUNTEER.MAKEUP_EXISTS': '该党员本次活动已有补录，不能重复补录',
  'VOLUNTEER.ENTRY_NOT_FOUND': '时长记录不存在',
  'VOLUNTEER.ENTRY_DECIDED': '该时长已处理',
  'VOLUNTEER.ENTRY_OPEN': '尚未签退，签退后才能确认时长',
  'VOLUNTEER.CLOSE_TOO_EARLY': '活动开始后才能结项',
  'VOLUNTEER.HOURS_WAITING': '还有{count}条时长未确认或未签退，处理后才能结项',
  'VOLUNTEER.NO_HOURS': '{year}年没有已确认的志愿服务时长，暂不能出具证明',
  'VOLUNTEER.CERT_NOT_FOUND': '证明编号或验证码不正确，未查到这份证明',
  'VISIT.NOT_FOUND': '服务请求不存在，或不是您能查看的请求',
  'VISIT.NOT_COMMUNITY': '请选择一个社区',
  'VISIT.BAD_PREFERRED': '{detail}',
  'VISIT.ALREADY_DISPATCHED': '这个请求已由{name}派单',
  'VISIT.STATE_CHANGED': '这个请求已是“{status}”状态，不能再这样操作，请刷新',
  'VISIT.NOT_ASSIGNEE': '这个请求没有派给你',
  'VISIT.NOT_RESIDENT': '只有提出请求的居民本人可以这样操作',
  'VISIT.ASSIGNEE_OUTSIDE': '只能派给本社区的党员',
  'VISIT.ASSIGNEE_UNBOUND': '{name}还没有绑定微信，收不到任务，请另选一位',
  'VISIT.CONTACT_AFTER_ACCEPT': '接单后才能查看居民的电话和地址',
  'STATS.UNKNOWN_FIGURE': '没有这项统计指标',
  'STATS.FUTURE_MONTH': '这个月还没有到，请选择本月或以前的月份',
} as const

export type ErrorCode = keyof typeof ERRORS

/** The most of anyone's text a message repeats: enough to recognise it, never a wall of it. */
export const EXCERPT_MAX = 20

/** `text` on one line, cut to `max` characters with … when longer. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  // Cut before splitting into characters, so a megabyte of text costs no more than a line of it.
  // Control characters become spaces by code, not by /\p{Cc}/u: the app bundles this file, and older engines cannot parse that.
  const spaced = Array.from(text.slice(0, max * 4), (c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('')
  const head = Array.from(spaced.replace(/\s+/g, ' '))
  return head.length > max || text.length > max * 4 ? `${head.slice(0, max).join('')}…` : head.join('')
}

/**
 * Fills `{name}` placeholders. A `detail` is a whole sentence built by our own code (which cuts any
 * caller text in it); every other value (a name, a phone) is cut to an excerpt.
 */
export function formatMessage(code: ErrorCode, params: Record<string, string | number> = {}): string {
  return ERRORS[code].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = String(params[key] ?? '')
    return key === 'detail' ? value : excerpt(value)
  })
}
