import { describe, expect, it } from 'vitest';
import messages from '@/lib/i18n/messages/en.json';
import { accountTypes, type AccountType } from '@/lib/orders/model';
import { adviseAccountType, type AdvisorAnswers, type AdvisorQuestion } from '@/lib/orders/advisor';

describe('account-type advisor', () => {
  it.each<[string, AdvisorAnswers, AdvisorQuestion]>([
    ['first whether the partner sells its own ECR', {}, 'ownEcr'],
    ['an ECR seller whether merchants install terminals', { ownEcr: true }, 'merchantsInstall'],
    ['a reseller whether the supplier may see its merchants', { ownEcr: false }, 'supplierSeesMerchants'],
    // An answer to the other branch's question does not skip this branch's question.
    ['an ECR seller its own question even with the other branch answered', { ownEcr: true, supplierSeesMerchants: true }, 'merchantsInstall'],
    ['a reseller its own question even with the other branch answered', { ownEcr: false, merchantsInstall: true }, 'supplierSeesMerchants'],
  ])('asks %s', (_case, answers, question) => {
    expect(adviseAccountType(answers)).toEqual({ done: false, question });
  });

  it.each<[string, AdvisorAnswers, AccountType]>([
    ['an ECR seller who installs the terminals itself', { ownEcr: true, merchantsInstall: false }, 'channel'],
    ['an ECR seller whose merchants install terminals', { ownEcr: true, merchantsInstall: true }, 'merchant'],
    ['a reseller whose supplier may see its merchants', { ownEcr: false, supplierSeesMerchants: true }, 'sub_channel'],
    ['a reseller whose supplier may not see its merchants', { ownEcr: false, supplierSeesMerchants: false }, 'merchant_rights'],
  ])('recommends for %s', (_case, answers, type) => {
    expect(adviseAccountType(answers)).toEqual({ done: true, type, reason: `advisor.reason.${type}` });
  });

  // Every answer path ends in a recommendation whose reason key resolves in the English catalogue.
  const finished: AdvisorAnswers[] = [
    { ownEcr: true, merchantsInstall: false },
    { ownEcr: true, merchantsInstall: true },
    { ownEcr: false, supplierSeesMerchants: true },
    { ownEcr: false, supplierSeesMerchants: false },
  ];

  it('reaches every account type', () => {
    const types = finished.map((answers) => {
      const step = adviseAccountType(answers);
      return step.done ? step.type : undefined;
    });
    expect([...types].sort()).toEqual([...accountTypes].sort());
  });

  it.each(finished.map((answers) => [JSON.stringify(answers), answers] as const))(
    'has an English reason for %s',
    (_case, answers) => {
      const step = adviseAccountType(answers);
      if (!step.done) throw new Error(`no recommendation for ${JSON.stringify(answers)}`);
      const text = step.reason.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], messages);
      expect(text).toEqual(expect.stringMatching(/\S/));
    },
  );
});
