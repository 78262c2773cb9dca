import type { ChainDefinitionInput, ItemDefinitionInput } from '@kuaiban/core';
import { defineItem } from '@kuaiban/core';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';

export { constructionPermitInput, foodPermitInput };
export const foodPermit = defineItem(foodPermitInput());
export const constructionPermit = defineItem(constructionPermitInput());

/** A permit reviewed by one step of `reviewer`s: a single queue, for queueing theory. */
export const singleQueueInput = (): ItemDefinitionInput => ({
  ...foodPermitInput(),
  id: 'single-queue-permit',
  acceptance: {},
  materials: [
    {
      id: 'application',
      name: 'Application',
      nameZh: '申请书',
      primary: true,
      tolerable: false,
    },
  ],
  limits: { statutory: { days: 20, basis: '行政许可法 art. 42' } },
});

/** The construction permit reviewed in series: planning, fire, civil defence one after another. */
export const serialConstructionInput = (): ItemDefinitionInput => {
  const {
    review: _review,
    caseKind: _kind,
    ...rest
  } = constructionPermitInput();
  return {
    ...rest,
    id: 'construction-permit-serial',
    caseKind: 'promised',
    review: {
      mode: 'chain',
      steps: [
        {
          id: 'planning',
          name: 'Planning',
          nameZh: '规划审查',
          role: 'reviewer',
        },
        { id: 'fire', name: 'Fire', nameZh: '消防审查', role: 'reviewer' },
        {
          id: 'civil-defence',
          name: 'Civil defence',
          nameZh: '人防审查',
          role: 'reviewer',
        },
      ],
    },
  };
};

/** Officers' work that takes no time and choices that never branch: only the review queue is left. */
export const queueOnly = {
  durations: {
    acceptance: { kind: 'constant', value: 0 },
    decision: { kind: 'constant', value: 0 },
    issuance: { kind: 'constant', value: 0 },
  },
  probabilities: {
    refusal: 0,
    materialsIncomplete: 0,
    stepRejects: 0,
    rates: 0,
  },
  staff: [
    { department: 'market-regulation', role: 'window-officer', count: 50 },
    { department: 'market-regulation', role: 'agency-head', count: 50 },
  ],
} as const;

/** 企业开办 (营业执照): registration on the spot at the market regulation bureau. */
export const businessLicenceInput = (): ItemDefinitionInput => ({
  ...foodPermitInput(),
  id: 'business-licence',
  name: 'Business licence',
  nameZh: '营业执照（企业开办）',
  legalBasis: '市场主体登记管理条例 art. 19',
  caseKind: 'on-the-spot',
  limits: { statutory: { days: 3, basis: '市场主体登记管理条例 art. 19' } },
  acceptance: {},
  materials: [
    {
      id: 'application',
      name: 'Application',
      nameZh: '设立登记申请书',
      primary: true,
      tolerable: false,
    },
    {
      id: 'articles',
      name: 'Articles',
      nameZh: '公司章程',
      primary: true,
      tolerable: false,
    },
  ],
});

/** The food permit asking for the licence copy itself (a chain provides it). */
export const foodPermitInChainInput = (): ItemDefinitionInput => ({
  ...foodPermitInput(),
  materials: foodPermitInput().materials.map(
    ({ sharedFrom: _shared, ...material }) => material,
  ),
});

/**
 * 开餐馆一件事: the licence first, then the food permit (given the licence
 * copy) and the construction permit side by side, or one after the other.
 */
export const restaurantChainInput = (serial = false): ChainDefinitionInput => ({
  id: 'open-a-restaurant',
  name: 'Open a restaurant',
  nameZh: '开餐馆一件事',
  items: [
    { item: businessLicenceInput() },
    { item: foodPermitInChainInput(), after: ['business-licence'] },
    {
      item: constructionPermitInput(),
      after: serial
        ? ['business-licence', 'food-business-permit']
        : ['business-licence'],
    },
  ],
  provides: [
    {
      from: 'business-licence',
      result: 'business-licence',
      to: 'food-business-permit',
      material: 'licence-copy',
    },
  ],
});
