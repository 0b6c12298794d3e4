/**
 * The demo street's pledges: two templates (廉政承诺书 in its second version, so the history shows) and a 2026
 * campaign assigning the first to everyone in 和平社区, due in a month, with its rollup counts. Nobody has signed:
 * a signing needs a drawn signature, which the demo's members make themselves (冯浩然 finds it under 待签承诺书).
 */
import type { MemberDoc, RollupDoc } from '../cloudfunctions/common/docs'
import type {
  PledgeAssignmentDoc,
  PledgeCampaignDoc,
  PledgeTemplateDoc,
} from '../cloudfunctions/common/pledge.docs'
import { pledgeRollup } from '../cloudfunctions/domain/pledge.rollup'
import { templateVersionId } from '../cloudfunctions/domain/pledge.rules'
import { bucketId, sumContributions } from '../cloudfunctions/domain/rollup.rules'
import { yearOf } from '../cloudfunctions/domain/time'

const DAY = 24 * 3600 * 1000

export const DEMO_PLEDGE_TEXT = [
  '为深入推进党风廉政建设，本人郑重承诺：',
  '一、坚定理想信念，严守政治纪律和政治规矩，自觉同党中央保持高度一致。',
  '二、严格遵守中央八项规定及其实施细则精神，不违规收受礼品礼金、消费卡和有价证券。',
  '三、不利用职务之便为本人或他人谋取私利，不插手工程项目、物资采购等事项。',
  '四、秉公用权，热情服务群众，不吃拿卡要，不推诿扯皮。',
  '五、严格执行重大事项报告制度，自觉接受组织和群众监督。',
  '六、管好配偶、子女和身边工作人员，树立良好家风。',
  '如有违反，自愿接受组织处理。',
].join('\n')

export interface PledgeSeed {
  templates: PledgeTemplateDoc[]
  campaigns: PledgeCampaignDoc[]
  assignments: PledgeAssignmentDoc[]
  rollups: RollupDoc[]
}

export function demoPledges(now: number, members: readonly MemberDoc[], createdBy: string): PledgeSeed {
  const template = (
    templateId: string,
    version: number,
    kind: PledgeTemplateDoc['kind'],
    title: string,
    body: string,
  ) => ({
    _id: templateVersionId(templateId, version),
    templateId,
    version,
    kind,
    title,
    body,
    createdBy,
    createdAt: now - (3 - version) * DAY,
  })
  const templates: PledgeTemplateDoc[] = [
    template(
      'tpl-integrity',
      1,
      'integrity',
      '廉政承诺书',
      DEMO_PLEDGE_TEXT.split('\n').slice(0, 5).join('\n'),
    ),
    template('tpl-integrity', 2, 'integrity', '廉政承诺书', DEMO_PLEDGE_TEXT),
    template(
      'tpl-duties',
      1,
      'duties',
      '岗位职责清单承诺书',
      '本人已知悉本岗位职责清单，承诺按清单履职尽责，按时办结群众事项。',
    ),
  ]
  const chosen = members.filter((m) => m.orgPath.includes('org-c1'))
  const year = yearOf(now)
  const campaign: PledgeCampaignDoc = {
    _id: 'demo-pledge-campaign',
    templateId: 'tpl-integrity',
    version: 2,
    templateVersionId: templateVersionId('tpl-integrity', 2),
    kind: 'integrity',
    title: '廉政承诺书',
    year,
    orgId: 'org-c1',
    orgPath: ['org-street', 'org-c1'],
    roles: [],
    cadreLevels: [],
    memberIds: [],
    deadline: now + 30 * DAY,
    assignedCount: chosen.length,
    createdBy,
    createdAt: now,
  }
  const assignments: PledgeAssignmentDoc[] = chosen.map((m) => ({
    _id: `${campaign._id}_${m._id}`,
    campaignId: campaign._id,
    memberId: m._id,
    name: m.name,
    orgId: m.orgId,
    orgPath: m.orgPath,
    kind: campaign.kind,
    title: campaign.title,
    year,
    deadline: campaign.deadline,
    templateVersionId: campaign.templateVersionId,
    assignedAt: now,
    status: 'pending',
    signedAt: null,
    signingId: null,
  }))
  const rollups: RollupDoc[] = [...sumContributions(assignments.flatMap(pledgeRollup)).values()].map((b) => {
    const c: Record<string, Record<string, number>> = {}
    for (const [key, n] of Object.entries(b.counts)) {
      const [area, name] = key.split('.')
      c[area] = { ...c[area], [name]: n }
    }
    return { _id: bucketId(b.orgId, b.month), orgId: b.orgId, orgPath: b.orgPath, month: b.month, c }
  })
  return { templates, campaigns: [campaign], assignments, rollups }
}
