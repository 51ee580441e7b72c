import type { AccountType } from './model';

/**
 * The account-type advisor: the seed's questions, in the order a partner can answer them.
 *
 * 1. Do you sell your own ECR system?                     yes → 2, no → 3
 * 2. May merchants install terminals in the ECR themselves? yes → merchant, no → channel
 * 3. You resell another supplier's ECR. May that supplier see your merchants and terminals?
 *                                                           yes → sub_channel, no → merchant_rights
 */
export interface AdvisorAnswers {
  ownEcr?: boolean;
  merchantsInstall?: boolean;
  supplierSeesMerchants?: boolean;
}

export type AdvisorQuestion = keyof AdvisorAnswers;

export type AdvisorStep =
  | { done: false; question: AdvisorQuestion }
  | { done: true; type: AccountType; reason: `advisor.reason.${AccountType}` };

export function adviseAccountType(answers: AdvisorAnswers): AdvisorStep {
  if (answers.ownEcr === undefined) return { done: false, question: 'ownEcr' };
  if (answers.ownEcr) {
    if (answers.merchantsInstall === undefined) return { done: false, question: 'merchantsInstall' };
    return recommend(answers.merchantsInstall ? 'merchant' : 'channel');
  }
  if (answers.supplierSeesMerchants === undefined) return { done: false, question: 'supplierSeesMerchants' };
  return recommend(answers.supplierSeesMerchants ? 'sub_channel' : 'merchant_rights');
}

const recommend = (type: AccountType): AdvisorStep => ({ done: true, type, reason: `advisor.reason.${type}` });
