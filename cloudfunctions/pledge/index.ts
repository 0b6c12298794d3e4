import { createMain, route, type RoutesOf } from '../common/router'
import { pledgeInputs } from '../contract/pledge.contract'
import {
  campaignCompletion,
  createCampaign,
  exportCompletion,
  listCampaigns,
  remindCampaign,
} from './campaign.service'
import { getPledge, myPledges, signPledge, verifyChainPage, verifyPledge } from './sign.service'
import { listTemplates, saveTemplate } from './template.service'

export const routes: RoutesOf<'pledge'> = {
  'template/list': route(pledgeInputs['template/list'], (_input, ctx) => listTemplates(ctx)),
  'template/save': route(pledgeInputs['template/save'], (input, ctx) => saveTemplate(ctx, input)),
  'campaign/create': route(pledgeInputs['campaign/create'], (input, ctx) => createCampaign(ctx, input)),
  'campaign/list': route(pledgeInputs['campaign/list'], (_input, ctx) => listCampaigns(ctx)),
  'campaign/completion': route(pledgeInputs['campaign/completion'], (input, ctx) =>
    campaignCompletion(ctx, input),
  ),
  'campaign/export': route(pledgeInputs['campaign/export'], (input, ctx) => exportCompletion(ctx, input)),
  'campaign/remind': route(pledgeInputs['campaign/remind'], (input, ctx) => remindCampaign(ctx, input)),
  'pledge/mine': route(pledgeInputs['pledge/mine'], (_input, ctx) => myPledges(ctx)),
  'pledge/get': route(pledgeInputs['pledge/get'], (input, ctx) => getPledge(ctx, input)),
  'pledge/sign': route(pledgeInputs['pledge/sign'], (input, ctx) => signPledge(ctx, input)),
  'pledge/verify': route(pledgeInputs['pledge/verify'], (input, ctx) => verifyPledge(ctx, input)),
  'chain/verify': route(pledgeInputs['chain/verify'], (input, ctx) => verifyChainPage(ctx, input)),
}

export const main = createMain(routes)
