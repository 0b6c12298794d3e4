// Grading throughput: 200 members hand in a 50-question paper at the same moment, through the
// local host (HTTP, the bundled quiz function on the real SDK, the durable local database).
// Needs `node scripts/build-host.mjs` and `node scripts/build-functions.mjs` first (npm run bench does both).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import ExcelJS from 'exceljs'

import { step } from './lib.mjs'

const MEMBERS = 200
const QUESTIONS = 50

export async function client(url) {
  async function login(body) {
    const res = await fetch(`${url}/local/login`, { method: 'POST', body: JSON.stringify(body) })
    return (await res.json()).token
  }
  return {
    login,
    async call(token, fn, action, data) {
      const res = await fetch(`${url}/fn/${fn}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data }),
      })
      const body = await res.json()
      if (!body.ok) throw new Error(`${action}: ${body.code} ${body.message}`)
      return body.data
    },
    /** As the H5 app does: a path from upload/prepare, the bytes to the host's storage, the fileID back. */
    async upload(token, bytes) {
      const { cloudPath } = await this.call(token, 'account', 'upload/prepare', { kind: 'xlsx' })
      const res = await fetch(`${url}/local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: bytes,
      })
      const body = await res.json()
      if (!body.fileID) throw new Error(`upload: ${res.status} ${body.code}`)
      return body.fileID
    },
  }
}

async function rosterFile(count) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别'])
  for (let i = 0; i < count; i++)
    sheet.addRow([
      `压测党员${i}`,
      i % 2 ? '女' : '男',
      `186${String(i).padStart(8, '0')}`,
      '光明社区党委',
      '在职',
      '',
    ])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** `count` members of 光明社区 (two hundred by default), each bound to a fresh WeChat user with an invite code. */
export async function bindMembers(api, admin, count = MEMBERS) {
  await api.call(admin, 'org', 'member/import', { fileID: await api.upload(admin, await rosterFile(count)) })
  const ids = []
  for (let offset = 0; ids.length < count; offset += 50) {
    const page = await api.call(admin, 'org', 'member/list', {
      orgId: 'org-c2',
      keyword: '压测党员',
      limit: 50,
      offset,
    })
    ids.push(...page.items.map((m) => m.id))
    if (page.items.length < 50) break
  }
  const tokens = []
  for (const memberId of ids) {
    const { code } = await api.call(admin, 'account', 'account/createInvite', { memberId })
    const token = await api.login({ fresh: true })
    await api.call(token, 'account', 'account/bindByInvite', { code })
    tokens.push(token)
  }
  return tokens
}

/** `helpers` are bench.mjs's load, report and startHostProcess. */
export async function benchQuiz({ load, report, startHostProcess }) {
  step(
    `quiz grading: ${MEMBERS} simultaneous submissions of a ${QUESTIONS}-question paper (local host, durable store)`,
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-quiz-'))
  const { child, url } = await startHostProcess(dataDir)
  try {
    const api = await client(url)
    const admin = await api.login({ openid: 'demo-admin' })
    const tokens = await bindMembers(api, admin)
    const questions = Array.from({ length: QUESTIONS + 10 }, (_, i) => ({
      type: ['单选', '多选', '判断', '填空'][i % 4],
      stem: `压测第${i}题`,
      options: i % 4 < 2 ? ['甲', '乙', '丙', '丁'] : [],
      answer: ['A', 'AB', '正确', '答案'][i % 4],
      tags: [`知识点${i % 6}`],
    }))
    await api.call(admin, 'quiz', 'bank/import', { format: 'json', questions })
    const now = Date.now()
    const draft = await api.call(admin, 'quiz', 'exam/create', {
      title: '压测考试',
      orgId: 'org-c2',
      mode: 'random',
      draws: [{ count: QUESTIONS }],
      timeLimitMinutes: 60,
      opensAt: now - 60_000,
      closesAt: now + 3_600_000,
    })
    await api.call(admin, 'quiz', 'exam/publish', { examId: draft.id })
    const papers = []
    for (const token of tokens)
      papers.push(await api.call(token, 'quiz', 'attempt/start', { examId: draft.id }))
    const answersOf = (paper) =>
      Object.fromEntries(
        paper.questions.map((q) => [
          q.id,
          q.type === 'fill' ? ['答案'] : q.options.slice(0, q.type === 'multiple' ? 2 : 1).map((o) => o.id),
        ]),
      )
    const result = await load({
      clients: MEMBERS,
      perClient: 1,
      send: async (c) => {
        const view = await api.call(tokens[c], 'quiz', 'attempt/submit', {
          attemptId: papers[c].id,
          answers: answersOf(papers[c]),
        })
        return view.status === 'over'
      },
    })
    report(`attempt/submit (${QUESTIONS} questions, graded on the server)`, result)
    const stats = await api.call(admin, 'quiz', 'exam/stats', { examId: draft.id, orgId: 'org-c2' })
    console.log(`graded attempts: ${stats.participated} of ${MEMBERS} members; 应考 ${stats.expected}`)
  } finally {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchQuiz(await import('./bench.mjs'))
