import { createMain, route, type RoutesOf } from '../common/router'
import { pledgeInputs } from '../contract/pledge.contract'
import {
  addItem,
  drawQuarter,
  getQuarter,
  importLedger,
  listItems,
  listQuarters,
  publishedSummaries,
  publishQuarter,
  recordCall,
  redrawQuarter,
  revealPhone,
} from './callback.service'
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
  'callback/items': route(pledgeInputs['callback/items'], (input, ctx) => listItems(ctx, input)),
  'callback/item-add': route(pledgeInputs['callback/item-add'], (input, ctx) => addItem(ctx, input)),
  'callback/import': route(pledgeInputs['callback/import'], (input, ctx) => importLedger(ctx, input)),
  'callback/quarters': route(pledgeInputs['callback/quarters'], (_input, ctx) => listQuarters(ctx)),
  'callback/draw': route(pledgeInputs['callback/draw'], (input, ctx) => drawQuarter(ctx, input)),
  'callback/quarter': route(pledgeInputs['callback/quarter'], (input, ctx) => getQuarter(ctx, input)),
  'callback/redraw': route(pledgeInputs['callback/redraw'], (input, ctx) => redrawQuarter(ctx, input)),
  'callback/contact': route(pledgeInputs['callback/contact'], (input, ctx) => revealPhone(ctx, input)),
  'callback/call': route(pledgeInputs['callback/call'], (input, ctx) => recordCall(ctx, input)),
  'callback/publish': route(pledgeInputs['callback/publish'], (input, ctx) => publishQuarter(ctx, input)),
  'callback/published': route(pledgeInputs['callback/published'], (_input, ctx) => publishedSummaries(ctx)),
}

export const main = createMain(routes)
