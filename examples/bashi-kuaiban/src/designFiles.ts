import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import { COMPARISONS } from './beforeAfter.js';
import { ENTERPRISE_CHAIN } from './enterpriseChain.js';
import { CONSTRUCTION_PERMITS_BEFORE } from './items/constructionPermitsBefore.js';
import { PROPERTY_TRANSFER_BEFORE } from './items/propertyRegistrationBefore.js';
import { ALL_ITEMS } from './links.js';

/** One design as the CLI reads it: an item, or a chain of items. */
export interface DesignFile {
  /** Relative to the package root, e.g. `designs/business-registration.json`. */
  readonly path: string;
  readonly design: ItemDefinition | ChainDefinition;
}

/** The chain that the demo runs. */
export const ENTERPRISE_CHAIN_FILE = 'designs/enterprise-lifecycle.chain.json';

/**
 * Every design of the example, generated from the TypeScript sources: each
 * item of the eight links and of the pre-reform processes (one file per
 * item), the enterprise chain, and the before/after chains.
 */
export function designFiles(): DesignFile[] {
  const items = [
    ...ALL_ITEMS,
    ...CONSTRUCTION_PERMITS_BEFORE,
    ...PROPERTY_TRANSFER_BEFORE,
  ].map((item) => ({ path: `designs/${item.id}.json`, design: item }));
  const comparisons = COMPARISONS.flatMap((comparison) => [
    {
      path: `designs/${comparison.id}.before.chain.json`,
      design: comparison.before,
    },
    {
      path: `designs/${comparison.id}.after.chain.json`,
      design: comparison.after,
    },
  ]);
  return [
    ...items,
    { path: ENTERPRISE_CHAIN_FILE, design: ENTERPRISE_CHAIN },
    ...comparisons,
  ];
}

/** A design's file text: two-space JSON and a final newline. */
export const designText = (design: DesignFile['design']): string =>
  `${JSON.stringify(design, null, 2)}\n`;
