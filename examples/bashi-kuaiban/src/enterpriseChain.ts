import type { ChainDefinition, ChainDefinitionInput } from '@kuaiban/core';
import { defineChain } from '@kuaiban/core';
import { CONSTRUCTION_STAGES } from './items/constructionPermits.js';
import {
  simplifiedDeregistration,
  simplifiedDeregistrationNotice,
} from './items/exit.js';
import {
  propertyFirstRegistration,
  propertyMortgage,
} from './items/propertyRegistration.js';
import {
  businessRegistration,
  companySealFiling,
  firstInvoice,
  socialSecurityRegistration,
} from './items/startingBusiness.js';
import {
  creditGuaranteedLoan,
  creditTaxDataLoan,
  taxIncentiveNoApplication,
  taxReliefCommitment,
} from './items/taxesAndCredit.js';
import {
  electricityThreeZeros,
  utilityExternalWorks,
} from './items/utilities.js';
import { gasConnection, waterConnection } from './items/waterAndGas.js';

const [stage1, stage2, stage3, stage4] = CONSTRUCTION_STAGES as [
  (typeof CONSTRUCTION_STAGES)[number],
  (typeof CONSTRUCTION_STAGES)[number],
  (typeof CONSTRUCTION_STAGES)[number],
  (typeof CONSTRUCTION_STAGES)[number],
];

type Provision = NonNullable<ChainDefinitionInput['provides']>[number];

/** One result of `from` spares each of `to` the material of the same name. */
const share = (
  from: string,
  result: string,
  material: string,
  to: readonly string[],
): Provision[] => to.map((item) => ({ from, result, to: item, material }));

/**
 * The items one enterprise passes through, in the order of seeds/002 item 50:
 * a small manufacturer registers, builds its plant, connects power, water and
 * gas, registers the plant, takes the tax relief and two loans with a
 * mortgage, and finally winds up by simplified deregistration.
 */
const entries: ChainDefinitionInput['items'] = [
  { item: businessRegistration },
  { item: companySealFiling, after: [businessRegistration.id] },
  { item: firstInvoice, after: [businessRegistration.id] },
  { item: socialSecurityRegistration, after: [businessRegistration.id] },
  { item: stage1, after: [businessRegistration.id] },
  { item: stage2, after: [stage1.id] },
  { item: stage3, after: [stage2.id] },
  { item: stage4, after: [stage3.id] },
  { item: electricityThreeZeros, after: [stage3.id] },
  { item: waterConnection, after: [stage3.id] },
  { item: utilityExternalWorks, after: [stage3.id] },
  { item: gasConnection, after: [utilityExternalWorks.id] },
  { item: propertyFirstRegistration, after: [stage4.id] },
  {
    item: taxIncentiveNoApplication,
    after: [firstInvoice.id, socialSecurityRegistration.id],
  },
  { item: taxReliefCommitment, after: [propertyFirstRegistration.id] },
  { item: creditTaxDataLoan, after: [firstInvoice.id] },
  { item: creditGuaranteedLoan, after: [propertyFirstRegistration.id] },
  { item: propertyMortgage, after: [creditGuaranteedLoan.id] },
  {
    item: simplifiedDeregistrationNotice,
    after: [
      companySealFiling.id,
      electricityThreeZeros.id,
      waterConnection.id,
      gasConnection.id,
      taxIncentiveNoApplication.id,
      taxReliefCommitment.id,
      creditTaxDataLoan.id,
      propertyMortgage.id,
    ],
  },
  {
    item: simplifiedDeregistration,
    after: [simplifiedDeregistrationNotice.id],
  },
];

const laterItems = entries
  .map((entry) => entry.item.id)
  .filter((id) => id !== businessRegistration.id);

const provides: Provision[] = [
  // The business licence, issued once, is never asked for again (SVC-SHARE).
  ...share(
    businessRegistration.id,
    'business-licence',
    'business-licence',
    laterItems,
  ),
  ...share(firstInvoice.id, 'taxpayer-record', 'taxpayer-record', [
    taxIncentiveNoApplication.id,
    creditTaxDataLoan.id,
  ]),
  ...share(
    socialSecurityRegistration.id,
    'employee-insurance-record',
    'employee-insurance-record',
    [taxIncentiveNoApplication.id],
  ),
  ...share(stage1.id, 'land-use-planning-permit', 'land-use-planning-permit', [
    stage2.id,
    propertyFirstRegistration.id,
  ]),
  ...share(stage2.id, 'building-planning-permit', 'building-planning-permit', [
    stage3.id,
    stage4.id,
  ]),
  ...share(stage3.id, 'construction-permit', 'construction-permit', [
    stage4.id,
  ]),
  ...share(stage3.id, 'construction-permit', 'property-proof', [
    electricityThreeZeros.id,
    waterConnection.id,
    gasConnection.id,
  ]),
  ...share(stage4.id, 'joint-acceptance-record', 'completion-acceptance', [
    propertyFirstRegistration.id,
  ]),
  ...share(stage4.id, 'as-built-survey', 'as-built-survey', [
    propertyFirstRegistration.id,
  ]),
  ...share(
    utilityExternalWorks.id,
    'external-works-permit',
    'external-works-permit',
    [gasConnection.id],
  ),
  ...share(
    propertyFirstRegistration.id,
    'property-certificate',
    'property-certificate',
    [taxReliefCommitment.id, creditGuaranteedLoan.id, propertyMortgage.id],
  ),
  ...share(creditGuaranteedLoan.id, 'loan-contract', 'loan-contract', [
    propertyMortgage.id,
  ]),
  ...share(
    simplifiedDeregistrationNotice.id,
    'notice-record',
    'notice-record',
    [simplifiedDeregistration.id],
  ),
];

/**
 * 八事快办: the enterprise lifecycle service chain (链条式流程服务, seeds/002
 * item 50), with what each result spares the later items (SVC-SHARE).
 *
 * @example
 * materialsRequested(ENTERPRISE_CHAIN, 'gc-stage-2-building-planning');
 * // no business licence, no land-use planning permit: both are provided
 */
export const ENTERPRISE_CHAIN: ChainDefinition = defineChain({
  id: 'bashi-kuaiban-enterprise-lifecycle',
  name: 'Eight things done fast: the enterprise lifecycle chain',
  nameZh: '八事快办：企业全生命周期链条式服务',
  items: entries,
  provides,
});
