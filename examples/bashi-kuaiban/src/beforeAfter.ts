import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import { defineChain } from '@kuaiban/core';
import { CONSTRUCTION_STAGES } from './items/constructionPermits.js';
import { CONSTRUCTION_PERMITS_BEFORE } from './items/constructionPermitsBefore.js';
import { propertyTransfer } from './items/propertyRegistration.js';
import { PROPERTY_TRANSFER_BEFORE } from './items/propertyRegistrationBefore.js';

/** Items done strictly one after another, sharing nothing. */
const serial = (items: readonly ItemDefinition[]) =>
  items.map((item, index) => ({
    item,
    after: index === 0 ? [] : [items[index - 1]!.id],
  }));

/** A redesign judged by the 六减 metrics (SVC-SIX-CUTS): the process before and after. */
export interface Comparison {
  readonly id: string;
  readonly nameZh: string;
  readonly before: ChainDefinition;
  readonly after: ChainDefinition;
}

/** 办理建筑许可: 14 serial permits before, four joint stages after (GC-STAGES, GC-120WD). */
export const CONSTRUCTION_PERMITS_COMPARISON: Comparison = {
  id: 'construction-permits',
  nameZh: '办理建筑许可',
  before: defineChain({
    id: 'construction-permits-before',
    name: 'Construction permits before the reform (serial)',
    nameZh: '办理建筑许可（改革前：串联审批）',
    items: serial(CONSTRUCTION_PERMITS_BEFORE),
  }),
  after: defineChain({
    id: 'construction-permits-after',
    name: 'Construction permits after the reform (four joint stages)',
    nameZh: '办理建筑许可（改革后：四阶段并联审批）',
    items: serial(CONSTRUCTION_STAGES),
    provides: [
      [
        'gc-stage-1-land-use-planning',
        'land-use-planning-permit',
        'gc-stage-2-building-planning',
      ],
      [
        'gc-stage-2-building-planning',
        'building-planning-permit',
        'gc-stage-3-construction-permit',
      ],
      [
        'gc-stage-2-building-planning',
        'building-planning-permit',
        'gc-stage-4-joint-completion',
      ],
      [
        'gc-stage-3-construction-permit',
        'construction-permit',
        'gc-stage-4-joint-completion',
      ],
    ].map(([from, result, to]) => ({
      from: from!,
      result: result!,
      to: to!,
      material: result!,
    })),
  }),
};

/** 不动产转移登记: three windows in turn before, one window in 1 working day after. */
export const PROPERTY_TRANSFER_COMPARISON: Comparison = {
  id: 'property-transfer',
  nameZh: '不动产转移登记',
  before: defineChain({
    id: 'property-transfer-before',
    name: 'Property transfer before the reform (three windows)',
    nameZh: '不动产转移登记（改革前：交易、税、登记分窗办理）',
    items: serial(PROPERTY_TRANSFER_BEFORE),
  }),
  after: defineChain({
    id: 'property-transfer-after',
    name: 'Property transfer after the reform (one window)',
    nameZh: '不动产转移登记（改革后：一窗受理、集成服务）',
    items: [{ item: propertyTransfer }],
  }),
};

/** Every before/after pair. */
export const COMPARISONS: readonly Comparison[] = [
  CONSTRUCTION_PERMITS_COMPARISON,
  PROPERTY_TRANSFER_COMPARISON,
];
