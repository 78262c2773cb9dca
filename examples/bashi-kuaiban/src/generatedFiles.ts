import type { ChainDefinition, ItemDefinition } from '@kuaiban/core';
import type { ScenarioInput } from '@kuaiban/sim';
import { COMPARISONS } from './beforeAfter.js';
import { ENTERPRISE_CHAIN } from './enterpriseChain.js';
import { CONSTRUCTION_PERMITS_BEFORE } from './items/constructionPermitsBefore.js';
import { PROPERTY_TRANSFER_BEFORE } from './items/propertyRegistrationBefore.js';
import { ALL_ITEMS } from './links.js';
import { scenarios } from './scenarios.js';

/** One design as the CLI reads it: an item, or a chain of items. */
export interface DesignFile {
  readonly kind: 'design';
  /** Relative to the package root, e.g. `designs/business-registration.json`. */
  readonly path: string;
  readonly design: ItemDefinition | ChainDefinition;
}

/** One item's simulation scenario, beside its design. */
export interface ScenarioFile {
  readonly kind: 'scenario';
  /** e.g. `scenarios/business-registration.scenario.json`. */
  readonly path: string;
  /** The design file it is written for. */
  readonly designPath: string;
  readonly scenario: ScenarioInput;
}

export type GeneratedFile = DesignFile | ScenarioFile;

/** The chain that the demo runs. */
export const ENTERPRISE_CHAIN_FILE = 'designs/enterprise-lifecycle.chain.json';

const itemPath = (id: string) => `designs/${id}.json`;

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
  ].map((item): DesignFile => ({
    kind: 'design',
    path: itemPath(item.id),
    design: item,
  }));
  const comparisons = COMPARISONS.flatMap((comparison): DesignFile[] => [
    {
      kind: 'design',
      path: `designs/${comparison.id}.before.chain.json`,
      design: comparison.before,
    },
    {
      kind: 'design',
      path: `designs/${comparison.id}.after.chain.json`,
      design: comparison.after,
    },
  ]);
  return [
    ...items,
    { kind: 'design', path: ENTERPRISE_CHAIN_FILE, design: ENTERPRISE_CHAIN },
    ...comparisons,
  ];
}

/** One scenario per item design (`kuaiban simulate designs/x.json --scenario scenarios/x.scenario.json`). */
export function scenarioFiles(): ScenarioFile[] {
  return Object.entries(scenarios()).map(([id, scenario]) => ({
    kind: 'scenario',
    path: `scenarios/${id}.scenario.json`,
    designPath: itemPath(id),
    scenario,
  }));
}

/** Every generated file: designs, then scenarios. */
export function generatedFiles(): GeneratedFile[] {
  return [...designFiles(), ...scenarioFiles()];
}

/** A file's text: two-space JSON and a final newline. */
export const fileText = (file: GeneratedFile): string =>
  `${JSON.stringify(file.kind === 'design' ? file.design : file.scenario, null, 2)}\n`;
