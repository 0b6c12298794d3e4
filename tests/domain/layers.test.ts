import { join } from 'node:path'

import { ESLint } from 'eslint'

/**
 * The layer rules of .eslintrc.js, run by ESLint itself on one small import per case, as if the
 * line stood in a file of that layer. Each refused import must be reported by an import rule,
 * and each allowed one must not, so a pattern that stops matching (or starts matching too much)
 * turns this red rather than silently letting a layer reach where it must not.
 */
const root = join(__dirname, '..', '..')
const eslint = new ESLint({ cwd: root })
const IMPORT_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-imports'])

async function importProblems(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\n`, { filePath: join(root, file) })
  return result.messages.filter((m) => m.ruleId !== null && IMPORT_RULES.has(m.ruleId)).map((m) => m.message)
}

type Case = [file: string, line: string]

const refused: Case[] = [
  // Domain rules: pure, shared with the app.
  ['cloudfunctions/domain/probe.ts', "import cloud from 'wx-server-sdk'"],
  ['cloudfunctions/domain/probe.ts', "import { db } from '../common/cloud'"],
  ['cloudfunctions/domain/probe.ts', "import type { MemberDoc } from '../common/docs'"],
  ['cloudfunctions/domain/probe.ts', "import { ERRORS } from '../contract/errors'"],
  ['cloudfunctions/domain/probe.ts', "import { startLocalBackend } from '../../server/backend'"],
  ['cloudfunctions/domain/probe.ts', "import { readFileSync } from 'node:fs'"],
  ['cloudfunctions/domain/probe.ts', "import * as z from 'zod'"],
  // The contract: the client compiles against it.
  ['cloudfunctions/contract/probe.ts', "import cloud from 'wx-server-sdk'"],
  ['cloudfunctions/contract/probe.ts', "import { COLLECTIONS } from '../common/collections'"],
  ['cloudfunctions/contract/probe.ts', "import { sessions } from '../study/study.store'"],
  ['cloudfunctions/contract/probe.ts', "import { seed } from '../../server/seed'"],
  ['cloudfunctions/contract/probe.ts', "import dayjs from 'dayjs'"],
  // The library every function bundles.
  ['cloudfunctions/common/probe.ts', "import { sessions } from '../study/study.store'"],
  ['cloudfunctions/common/probe.ts', "import { MANIFESTS } from '../manifests'"],
  ['cloudfunctions/common/probe.ts', "import { seed } from '../../server/seed'"],
  ['cloudfunctions/common/probe.ts', "import { call } from '../../src/services/cloud'"],
  // A function: shared code lives in common or domain, not in another function.
  ['cloudfunctions/study/probe.ts', "import { exams } from '../quiz/quiz.store'"],
  ['cloudfunctions/study/probe.ts', "import { seed } from '../../server/seed'"],
  ['cloudfunctions/study/probe.ts', "import { call } from '../../src/services/cloud'"],
  // The local host runs the bundles, never the function sources.
  ['server/probe.ts', "import { db } from '../cloudfunctions/common/cloud'"],
  ['server/probe.ts', "import { sessions } from '../cloudfunctions/study/study.store'"],
  ['server/probe.ts', "import { MANIFESTS } from '../cloudfunctions/manifests'"],
  ['server/db/probe.ts', "import { route } from '../../cloudfunctions/common/router'"],
  ['server/probe.ts', "import { call } from '../src/services/cloud'"],
  // The app: types of the functions, values only from the pure domain rules and the error texts.
  ['src/stores/probe.ts', "import cloud from 'wx-server-sdk'"],
  ['src/stores/probe.ts', "import { seed } from '../../server/seed'"],
  ['src/stores/probe.ts', "import { accountInputs } from '../../cloudfunctions/contract/account.contract'"],
  ['src/stores/probe.ts', "import { route } from '../../cloudfunctions/common/router'"],
  ['src/stores/probe.ts', "import { MANIFESTS } from '../../cloudfunctions/manifests'"],
  ['src/stores/probe.ts', "import { signToken } from '../../cloudfunctions/domain/checkin-token'"],
  ['src/stores/probe.ts', "import { studyInputs } from '@contract/study.contract'"],
  [
    'src/packages/study/lib/probe.ts',
    "import { getMe } from '../../../../cloudfunctions/account/account.service'",
  ],
  // Pages and components reach the cloud only through stores.
  ['src/pages/probe/index.tsx', "import { call } from '../../services/cloud'"],
  [
    'src/components/probe/index.tsx',
    "import { COLLECTIONS } from '../../../cloudfunctions/common/collections'",
  ],
]

const allowed: Case[] = [
  ['cloudfunctions/domain/probe.ts', "import { can } from './roles'"],
  ['cloudfunctions/domain/probe.ts', "import dayjs from 'dayjs'"],
  ['cloudfunctions/domain/probe.ts', "import utc from 'dayjs/plugin/utc'"],
  ['cloudfunctions/domain/probe.ts', "import { createHmac } from 'node:crypto'"],
  ['cloudfunctions/contract/probe.ts', "import * as z from 'zod'"],
  ['cloudfunctions/contract/probe.ts', "import { ROLE_KEYS } from '../domain/roles'"],
  ['cloudfunctions/contract/probe.ts', "import { id } from './common.schema'"],
  ['cloudfunctions/common/probe.ts', "import cloud from 'wx-server-sdk'"],
  ['cloudfunctions/common/probe.ts', "import { ERRORS } from '../contract/errors'"],
  ['cloudfunctions/common/probe.ts', "import { can } from '../domain/roles'"],
  ['cloudfunctions/common/probe.ts', "import { COLLECTIONS } from './collections'"],
  ['cloudfunctions/study/probe.ts', "import { db } from '../common/cloud'"],
  ['cloudfunctions/study/probe.ts', "import { studyInputs } from '../contract/study.contract'"],
  ['cloudfunctions/study/probe.ts', "import { monthOf } from '../domain/time'"],
  ['cloudfunctions/study/probe.ts', "import { sessions } from './study.store'"],
  ['cloudfunctions/study/probe.ts', "import QRCode from 'qrcode'"],
  ['server/probe.ts', "import { COLLECTIONS } from '../cloudfunctions/common/collections'"],
  ['server/probe.ts', "import type { MemberDoc } from '../cloudfunctions/common/docs'"],
  ['server/probe.ts', "import type { SecretName } from '../cloudfunctions/common/manifest'"],
  ['server/probe.ts', "import { formatMessage } from '../cloudfunctions/contract/errors'"],
  ['server/probe.ts', "import { ROLES } from '../cloudfunctions/domain/roles'"],
  ['src/stores/probe.ts', "import type { MeView } from '@contract/index'"],
  ['src/stores/probe.ts', "import { type MeView } from '../../cloudfunctions/contract/account.contract'"],
  ['src/stores/probe.ts', "import { ERRORS } from '@contract/errors'"],
  ['src/stores/probe.ts', "import { hasAnyPermission } from '../../cloudfunctions/domain/roles'"],
  ['src/stores/probe.ts', "import type { Route } from '../../cloudfunctions/common/router'"],
  ['src/pages/probe/index.tsx', "import { ROLES } from '../../../cloudfunctions/domain/roles'"],
]

describe('layer rules (.eslintrc.js)', () => {
  it.each(refused)('refuses in %s: %s', async (file, line) => {
    expect(await importProblems(file, line)).not.toEqual([])
  })

  it.each(allowed)('allows in %s: %s', async (file, line) => {
    expect(await importProblems(file, line)).toEqual([])
  })
})
