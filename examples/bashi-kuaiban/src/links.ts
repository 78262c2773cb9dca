import type { ItemDefinition } from '@kuaiban/core';
import { CONSTRUCTION_STAGES } from './items/constructionPermits.js';
import { lowRiskConstructionPermit } from './items/lowRiskPermit.js';
import { EXIT } from './items/exit.js';
import { PROPERTY_REGISTRATION } from './items/propertyRegistration.js';
import { STARTING_A_BUSINESS } from './items/startingBusiness.js';
import { GETTING_CREDIT, PAYING_TAXES } from './items/taxesAndCredit.js';
import { GETTING_ELECTRICITY } from './items/utilities.js';
import { GETTING_WATER_AND_GAS } from './items/waterAndGas.js';

/** One link of the 八事快办 chain (seeds/002 item 50) and the items that serve it. */
export interface ChainLink {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  /** Every item of the link: stages, routes and the steps done side by side. */
  readonly items: readonly ItemDefinition[];
  /** The DOMAIN.md rules and seeds the link's designs rest on. */
  readonly sources: readonly string[];
}

/** The eight links, in the order of seeds/002 item 50. */
export const LINKS: readonly ChainLink[] = [
  {
    id: 'starting-a-business',
    name: 'Starting a business',
    nameZh: '企业开办',
    items: STARTING_A_BUSINESS,
    sources: [
      'DOMAIN §9 企业开办',
      'ALL-34-ONSPOT-DECIDE',
      'ZZ-FILING',
      'GZ-DECIDE',
      'SVC-SHARE',
    ],
  },
  {
    id: 'construction-permits',
    name: 'Dealing with construction permits',
    nameZh: '办理建筑许可',
    items: [...CONSTRUCTION_STAGES, lowRiskConstructionPermit],
    sources: [
      'GC-STAGES',
      'GC-120WD',
      'GC-LEAD',
      'ALL-42-JOINT-45D',
      'RQ-COND',
      'RQ-COMMIT',
      'GZ-DECIDE',
      'seeds/004',
    ],
  },
  {
    id: 'getting-electricity',
    name: 'Getting electricity',
    nameZh: '获得电力',
    items: GETTING_ELECTRICITY,
    sources: ['DOMAIN §9 获得电力', 'GC-LEAD', 'SVC-LIMITS'],
  },
  {
    id: 'getting-water-and-gas',
    name: 'Getting water and gas',
    nameZh: '获得用水用气',
    items: GETTING_WATER_AND_GAS,
    sources: ['DOMAIN §9 获得用水用气', 'RQ-COND', 'GZ-EXCLUDED'],
  },
  {
    id: 'registering-property',
    name: 'Registering property',
    nameZh: '不动产登记',
    items: PROPERTY_REGISTRATION,
    sources: ['DOMAIN §9 不动产登记', 'GC-LEAD', 'seeds/004'],
  },
  {
    id: 'paying-taxes',
    name: 'Paying taxes',
    nameZh: '纳税',
    items: PAYING_TAXES,
    sources: [
      'DOMAIN §9 纳税',
      'SVC-SHARE',
      'GZ-DECIDE',
      'GZ-VERIFY',
      'seeds/002 item 46',
    ],
  },
  {
    id: 'getting-credit',
    name: 'Getting credit',
    nameZh: '融资信贷',
    items: GETTING_CREDIT,
    sources: [
      'DOMAIN §9 融资信贷',
      'GZ-EXCLUDED',
      'SVC-SHARE',
      'seeds/002 item 6',
    ],
  },
  {
    id: 'resolving-insolvency',
    name: 'Resolving insolvency and exit',
    nameZh: '办理破产',
    items: EXIT,
    sources: ['DOMAIN §9 办理破产', 'ZZ-FILING', 'seeds/002 items 13, 14'],
  },
];

/** Every item of every link, each once. */
export const ALL_ITEMS: readonly ItemDefinition[] = LINKS.flatMap(
  (link) => link.items,
);
