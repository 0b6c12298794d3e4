// `node scripts/prove-guards.mjs [name…]`: proves each race test can fail. For every guard it removes the
// guard from the source (one exact edit), rebuilds the functions, runs the test that covers it, and expects
// that test to FAIL; then restores the source. It prints one line per guard and exits non-zero if any test
// still passed without its guard (a test that cannot fail) or if an edit no longer applies. The guards and
// their tests are listed in docs/GUARDS.md. Not part of `npm test`: it rebuilds the functions once per guard
// (`--check`, run by tests/domain/prove-guards-list.test.ts, only checks that the list still matches the code).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { buildFunctions } from './build-functions.mjs'
import { root } from './lib.mjs'

const RACES = 'tests/functions/races.test.ts'
const PLEDGE = 'tests/functions/pledge.test.ts'

/** Each guard: where it is, the exact text that makes it, what it becomes without it, and its test. */
export const GUARDS = [
  {
    name: 'bind: user claim',
    file: 'cloudfunctions/account/account.service.ts',
    find: `    { memberId: null },\n    { memberId, bindFailures: null },`,
    replace: `    {},\n    { memberId, bindFailures: null },`,
    test: [RACES, 'user claim'],
  },
  {
    name: 'bind: member claim',
    file: 'cloudfunctions/account/account.service.ts',
    find: `      { openid: null },\n      { openid: ctx.openid, boundAt: ctx.now, updatedAt: ctx.now },`,
    replace: `      {},\n      { openid: ctx.openid, boundAt: ctx.now, updatedAt: ctx.now },`,
    test: [RACES, 'member claim'],
  },
  {
    name: 'invite code spent once',
    file: 'cloudfunctions/account/account.service.ts',
    find: `{ usedAt: null, expiresAt: _.gt(ctx.now) },`,
    replace: `{},`,
    test: [RACES, 'spends an invite code once'],
  },
  {
    name: 'check-in once (record id)',
    file: 'cloudfunctions/study/checkin.service.ts',
    find: `    _id: recordId(session._id, member._id),`,
    replace: `    _id: \`\${recordId(session._id, member._id)}_\${Math.random()}\`,`,
    test: [
      'tests/functions/study.test.ts',
      'takes twenty simultaneous scans by one member as exactly one check-in',
    ],
  },
  {
    name: 'leave requested once (record id)',
    file: 'cloudfunctions/study/leave.service.ts',
    find: `    _id: recordId(session._id, caller.member._id),`,
    replace: `    _id: \`\${recordId(session._id, caller.member._id)}_\${Math.random()}\`,`,
    test: [RACES, 'records one leave request of ten'],
  },
  {
    name: 'reminded once per person and day (record id)',
    file: 'cloudfunctions/common/reminders.ts',
    find: `      const id = joinIds(topic, t.memberId, day)`,
    replace: `      const id = \`\${joinIds(topic, t.memberId, day)}_\${Math.random()}\``,
    test: ['tests/functions/access.test.ts', 'sends one subscribe message per bound person and day'],
  },
  {
    name: 'leave decided once',
    file: 'cloudfunctions/study/leave.service.ts',
    find: `    { status: 'pending' },`,
    replace: `    {},`,
    test: [RACES, 'leave decision'],
  },
  {
    name: 'cancel only without check-ins (cancel side)',
    file: 'cloudfunctions/study/session.service.ts',
    find: `{ status: 'scheduled', hasCheckins: _.neq(true) }, data, () =>\n    whySessionRefused(session._id, new AppError('STUDY.HAS_CHECKINS')),`,
    replace: `{ status: 'scheduled' }, data, () =>\n    whySessionRefused(session._id, new AppError('STUDY.HAS_CHECKINS')),`,
    test: [RACES, 'never leaves a cancelled session holding a check-in'],
  },
  {
    name: 'check-in only on a scheduled session (check-in side)',
    file: 'cloudfunctions/study/checkin.service.ts',
    find: `  await holdSession(session)\n  const doc = checkinRecord(session, member, ctx.now, {\n    late: isLate(session, ctx.now),`,
    replace: `  const doc = checkinRecord(session, member, ctx.now, {\n    late: isLate(session, ctx.now),`,
    test: [RACES, 'never leaves a cancelled session holding a check-in'],
  },
  {
    name: 'grading once per revision',
    file: 'cloudfunctions/quiz/attempt.service.ts',
    find: `.where({ _id: attempt._id, status: 'open', rev: attempt.rev })`,
    replace: `.where({ _id: attempt._id, status: 'open' })`,
    test: [RACES, 'grading revision'],
  },
  {
    name: 'exam published once (status draft)',
    file: 'cloudfunctions/quiz/exam.service.ts',
    find: `  const claimed = await exams()\n    .where({ _id: exam._id, status: 'draft' })`,
    replace: `  const claimed = await exams()\n    .where({ _id: exam._id })`,
    test: ['tests/functions/quiz-lifecycle.test.ts', 'publishes once when two publishes'],
  },
  {
    name: 'exam closed once (published, still open)',
    file: 'cloudfunctions/quiz/exam.service.ts',
    find: `    { status: 'published', closesAt: _.gt(ctx.now) },`,
    replace: `    { status: 'published' },`,
    test: ['tests/functions/quiz-lifecycle.test.ts', 'closes once'],
  },
  {
    name: 'attempt started during a close ends with the exam',
    file: 'cloudfunctions/quiz/attempt.service.ts',
    find: `  await keepWithinWindow(exam._id, doc)\n`,
    replace: ``,
    test: ['tests/functions/quiz-lifecycle.test.ts', 'never leaves an attempt running past'],
  },
  {
    name: 'member moved once (orgId as read)',
    file: 'cloudfunctions/org/member.service.ts',
    find: `members().where({ _id: member._id, orgId: member.orgId }).update`,
    replace: `members().where({ _id: member._id }).update`,
    test: ['tests/functions/expected-fixed.test.ts', 'keeps every span when two moves of one member cross'],
  },
  {
    name: 'unique organisation name (index)',
    file: 'cloudfunctions/common/collections.ts',
    find: `name: 'parent_name', fields: { parentId: 1, name: 1 }, unique: true },`,
    replace: `name: 'parent_name', fields: { parentId: 1, name: 1 } },`,
    test: [RACES, 'unique name'],
  },
  {
    name: 'rollup: first count of a month kept when another call created it',
    file: 'cloudfunctions/common/rollups.ts',
    find: `if (!isDuplicateKey(error)) throw error`,
    replace: `if (isDuplicateKey(error)) return\n    throw error`,
    test: ['tests/server/rollups.test.ts', 'overlapping first counts'],
  },
  {
    name: 'pledge template version stored once (record id)',
    file: 'cloudfunctions/pledge/template.service.ts',
    find: `    _id: templateVersionId(templateId, version),`,
    replace: `    _id: \`\${templateVersionId(templateId, version)}_\${Math.random()}\`,`,
    test: [PLEDGE, 'stores one version when two editors save from the same version at once'],
  },
  {
    name: "pledge campaign: a dead call's assignments finished by one later send",
    file: 'cloudfunctions/pledge/campaign.service.ts',
    find: `.where({ _id: campaign._id, assigning: true, assigningSince: since })`,
    replace: `.where({ _id: campaign._id })`,
    test: [PLEDGE, 'finishes a dead call’s campaign once when two late sends'],
  },
  {
    name: 'pledge chain: one signing per link (record id chain_<seq>)',
    file: 'cloudfunctions/pledge/sign.service.ts',
    find: `      _id: chainId(seq),`,
    replace: `      _id: \`\${chainId(seq)}_\${Math.random()}\`,`,
    test: [PLEDGE, 'keeps one unbroken chain when signings of different members overlap'],
  },
  {
    name: 'pledge signed once (unique assignmentId)',
    file: 'cloudfunctions/common/collections.ts',
    find: `    fields: { assignmentId: 1 },\n    unique: true,`,
    replace: `    fields: { assignmentId: 1 },`,
    test: [PLEDGE, 'signs once when a signing'],
  },
  {
    name: 'volunteer: a place only below the capacity',
    file: 'cloudfunctions/volunteer/signup.service.ts',
    find: `        signedUp: _.lt(activity.capacity),\n`,
    replace: ``,
    test: ['tests/functions/volunteer.test.ts', 'holds the capacity when 50 members sign up for 30 places'],
  },
  {
    name: 'volunteer: one sign-in per pair number (record id)',
    file: 'cloudfunctions/volunteer/hours.service.ts',
    find: `      _id: pairId(activity._id, member._id, day, n),`,
    replace: `      _id: \`\${pairId(activity._id, member._id, day, n)}_\${Math.random()}\`,`,
    test: [
      'tests/functions/volunteer.test.ts',
      'takes twenty simultaneous scans by one member as one sign-in',
    ],
  },
  {
    name: 'volunteer: hours decided once',
    file: 'cloudfunctions/volunteer/hours.service.ts',
    find: `.where({ _id: entry._id, status: _.in(['pending', 'approval']) })`,
    replace: `.where({ _id: entry._id })`,
    test: [
      'tests/functions/volunteer.test.ts',
      'confirms an entry once when two organisers decide it at once',
    ],
  },
  {
    name: 'visit moved once (state, moves as read, actor)',
    file: 'cloudfunctions/visit/visit.service.ts',
    find: `{ status: from.length === 1 ? from[0] : _.in([...from]), moves: visit.moves, ...actor },`,
    replace: `{ ...actor },`,
    test: ['tests/functions/visit.test.ts', 'lets exactly one dispatch succeed'],
  },
  {
    name: "a form's record stored once (its submitKey makes the _id)",
    file: 'cloudfunctions/common/data.ts',
    find: `form.submitKey === undefined`,
    replace: `form.submitKey !== 'never'`,
    test: ['tests/functions/visit.test.ts', 'stores the request once and answers the same request'],
  },
  {
    name: 'visit timer: overdue flagged once',
    file: 'cloudfunctions/visit/visit.timer.ts',
    find: `await transition('visits', visit._id, { ...guard, moves: visit.moves }, set, () => lost)`,
    replace: `await transition('visits', visit._id, {}, set, () => lost)`,
    test: ['tests/functions/visit.test.ts', 'flags an overdue request to the secretary once'],
  },
  {
    name: 'visit timer: auto-confirmed once',
    file: 'cloudfunctions/visit/visit.timer.ts',
    find: `await transition('visits', visit._id, { ...guard, moves: visit.moves }, set, () => lost)`,
    replace: `await transition('visits', visit._id, {}, set, () => lost)`,
    test: ['tests/functions/visit.test.ts', 'confirms a request left unconfirmed for 7 days, once'],
  },
  {
    name: 'study tally: compare-and-increment (theory as read)',
    file: 'cloudfunctions/study/study-tally.ts',
    find: `.where({ _id: id, theory: held.theory })`,
    replace: `.where({ _id: id })`,
    test: ['tests/functions/stats.test.ts', 'keeps the rollups exact through 200 overlapping writes'],
  },
  {
    name: 'project: moved once (status as read)',
    file: 'cloudfunctions/volunteer/project.service.ts',
    find: `await transition('projects', project._id, { status: project.status },`,
    replace: `await transition('projects', project._id, {},`,
    test: [
      'tests/functions/project.test.ts',
      'completes once when two secretaries complete a project at once',
    ],
  },
  {
    name: 'project: edited from the revision read (rev)',
    file: 'cloudfunctions/volunteer/project.service.ts',
    find: `    { rev: input.rev, status: _.in([...EDITABLE_STATUSES]) },`,
    replace: `    { status: _.in([...EDITABLE_STATUSES]) },`,
    test: ['tests/functions/project.test.ts', 'keeps one of two edits made from the same revision'],
  },
  {
    name: 'project: never edited once cancelled (rev and status)',
    file: 'cloudfunctions/volunteer/project.service.ts',
    find: `    { rev: input.rev, status: _.in([...EDITABLE_STATUSES]) },`,
    replace: `    {},`,
    test: ['tests/functions/project.test.ts', 'never applies an edit read before a cancellation over it'],
  },
  {
    name: 'volunteer: 8-hour day tally compare-and-set (rev as read)',
    file: 'cloudfunctions/volunteer/day-tally.ts',
    find: `      .where({ _id: id, rev: held.rev })\n      .update({\n        data: {\n          minutes: others + minutes,`,
    replace: `      .where({ _id: id })\n      .update({\n        data: {\n          minutes: others + minutes,`,
    test: [
      'tests/functions/volunteer.test.ts',
      'sends the second of two overlapping sign-outs past 8 hours in a day to approval',
    ],
  },
  {
    name: 'volunteer: cancel only an activity no sign-in reached (cancel side)',
    file: 'cloudfunctions/volunteer/activity.service.ts',
    find: `    { status: 'open', startAt: _.gt(ctx.now), hasEntries: _.neq(true) },`,
    replace: `    { status: 'open', startAt: _.gt(ctx.now) },`,
    test: ['tests/functions/volunteer.test.ts', 'never leaves a cancelled activity holding a sign-in'],
  },
  {
    name: 'volunteer: the first sign-in marks the activity (sign-in side)',
    file: 'cloudfunctions/volunteer/hours.service.ts',
    find: `  await holdActivity(activity, ctx.now)\n`,
    replace: ``,
    test: ['tests/functions/volunteer.test.ts', 'never leaves a cancelled activity holding a sign-in'],
  },
  {
    name: 'volunteer: a place only under the capacity as read',
    file: 'cloudfunctions/volunteer/signup.service.ts',
    find: `        capacity: activity.capacity,\n`,
    replace: ``,
    test: ['tests/functions/volunteer.test.ts', 'never sets a capacity below the members holding a place'],
  },
  {
    name: 'volunteer: capacity never below the places taken',
    file: 'cloudfunctions/volunteer/activity.service.ts',
    find: `      signedUp: _.lte(fields.capacity),\n`,
    replace: ``,
    test: ['tests/functions/volunteer.test.ts', 'never sets a capacity below the members holding a place'],
  },
  {
    name: 'volunteer: a sign-in or 补录 re-reads the activity after its insert (keepOpen)',
    file: 'cloudfunctions/volunteer/hours.service.ts',
    find: `  const current = await readById('volActivities', activityId, 'VOLUNTEER.ACTIVITY_NOT_FOUND')\n  if (current.status === 'open') return`,
    replace: `  const current = await readById('volActivities', activityId, 'VOLUNTEER.ACTIVITY_NOT_FOUND')\n  if (current.status !== 'nothing') return`,
    test: [
      'tests/functions/volunteer.test.ts',
      'never leaves a sign-in or a 补录 waiting on a closed activity',
    ],
  },
  {
    name: 'volunteer: planned-duration hold compare-and-set (heldRev as read)',
    file: 'cloudfunctions/volunteer/activity-hold.ts',
    find: `      .where({ _id: signup._id, heldRev: signup.heldRev ?? _.exists(false) })`,
    replace: `      .where({ _id: signup._id })`,
    test: [
      'tests/functions/volunteer.test.ts',
      'never lets a 补录 and the member’s own sign-out together pass the planned duration',
    ],
  },
  {
    name: 'visit completion: the loser of two completions keeps no photos',
    file: 'cloudfunctions/visit/visit.service.ts',
    find: `await Promise.all(photos.map(dropKeptFile))`,
    replace: `void dropKeptFile`,
    test: ['tests/functions/visit.test.ts', 'applies exactly one, and keeps only the winner’s photos'],
  },
  {
    name: '回访核查: a quarter drawn once (record id)',
    file: 'cloudfunctions/pledge/callback.service.ts',
    find: `    _id: input.quarter,`,
    replace: `    _id: \`\${input.quarter}_\${Math.random()}\`,`,
    test: ['tests/functions/callback.test.ts', 'stores one draw of a quarter when two are made at once'],
  },
  {
    name: '回访核查: a call recorded once per item (none stored)',
    file: 'cloudfunctions/pledge/callback.service.ts',
    find: `: { [path]: _.exists(false) }`,
    replace: `: {}`,
    test: [
      'tests/functions/callback.test.ts',
      'stores one call of an item when it is recorded twice at once',
    ],
  },
  {
    name: '回访核查: published at the revision summarised',
    file: 'cloudfunctions/pledge/callback.service.ts',
    find: `.where({ _id: doc._id, status: 'drawn', revision: input.revision })`,
    replace: `.where({ _id: doc._id, status: 'drawn' })`,
    test: [
      'tests/functions/callback.test.ts',
      'publishes exactly the calls stored when a call is recorded during',
    ],
  },
]

function runTest([file, name]) {
  const result = spawnSync('npx', ['jest', file, '-t', name], { cwd: root, encoding: 'utf8' })
  const summary = /Tests:.*$/m.exec(`${result.stdout}\n${result.stderr}`)?.[0] ?? '(no summary)'
  return { failed: result.status !== 0, summary }
}

const args = process.argv.slice(2)
const only = args.filter((a) => a !== '--check')
const chosen = GUARDS.filter((g) => only.length === 0 || only.some((o) => g.name.includes(o)))

/**
 * `--check`: without building or running anything, that every guard's text is still in its file exactly once and
 * its test file still holds the named test, so the list cannot rot between proofs (run by `npm test`).
 */
if (args.includes('--check')) {
  const stale = chosen.flatMap((g) => {
    const count = readFileSync(join(root, g.file), 'utf8').split(g.find).length - 1
    const [testFile, testName] = g.test
    const tests = readFileSync(join(root, testFile), 'utf8')
    return [
      ...(count === 1 ? [] : [`${g.name}: its text occurs ${count} times in ${g.file}`]),
      ...(tests.includes(testName) ? [] : [`${g.name}: no test named "${testName}" in ${testFile}`]),
    ]
  })
  for (const line of stale) console.log(`✗ ${line}`)
  console.log(stale.length === 0 ? `all ${chosen.length} guards in place` : `${stale.length} stale`)
  process.exit(stale.length === 0 ? 0 : 1)
}

let problems = 0
for (const guard of chosen) {
  const path = join(root, guard.file)
  const original = readFileSync(path, 'utf8')
  const count = original.split(guard.find).length - 1
  if (count !== 1) {
    console.log(
      `✗ ${guard.name}: the guard's text occurs ${count} times in ${guard.file}; update this script`,
    )
    problems += 1
    continue
  }
  try {
    writeFileSync(path, original.replace(guard.find, guard.replace))
    await buildFunctions()
    const { failed, summary } = runTest(guard.test)
    console.log(
      `${failed ? '✓' : '✗'} ${guard.name}: without it, "${guard.test[1]}" ${failed ? 'fails' : 'PASSES'} (${summary})`,
    )
    if (!failed) problems += 1
  } finally {
    writeFileSync(path, original)
  }
}
await buildFunctions()
console.log(problems === 0 ? `\nall ${chosen.length} guards proven` : `\n${problems} guard(s) not proven`)
process.exit(problems === 0 ? 0 : 1)
