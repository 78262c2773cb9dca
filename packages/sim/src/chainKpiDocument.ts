import { z } from 'zod';
import { KpiDocumentSchema, RateSchema, SummarySchema } from './kpiDocument.js';

/**
 * The KPI document of a chain (一件事) run (`kuaiban simulate chain.json
 * --format json`): the enterprises' end-to-end figures and each item's own
 * KPI document. Stable, versioned.
 */
export const ChainKpiDocumentSchema = z.strictObject({
  format: z.literal('kuaiban-sim-chain-kpi'),
  version: z.literal(1),
  chain: z.strictObject({
    chainId: z.string(),
    name: z.string(),
    nameZh: z.string(),
    items: z.number().int(),
  }),
  scenario: z.string(),
  run: z.strictObject({
    seed: z.number().int(),
    replications: z.number().int(),
    enterprisesPerReplication: z.number().int(),
    warmupDays: z.number(),
    start: z.string(),
  }),
  /** Enterprises counted (arrived after the warm-up), over all replications. */
  enterprises: z.number().int(),
  /** Enterprises whose every item was approved (certificate issued). */
  completed: RateSchema,
  /** Among completed enterprises: arrival to the last item's certificate. */
  endToEnd: z.strictObject({
    workingDays: SummarySchema,
    calendarDays: SummarySchema,
  }),
  /** Among completed enterprises: the 六减 figures summed over the items. */
  perEnterprise: z.strictObject({
    visits: SummarySchema,
    materials: SummarySchema,
    proofs: SummarySchema,
    steps: SummarySchema,
  }),
  /** Materials an enterprise is not asked for because earlier items provide them (SVC-SHARE). */
  materialsProvided: z.number().int(),
  items: z.array(
    z.strictObject({
      itemId: z.string(),
      /** Items that must be done first. */
      after: z.array(z.string()),
      /** Materials of this item that earlier items provide. */
      provided: z.array(z.string()),
      /** The item's KPI document (its cases after the warm-up). */
      kpi: KpiDocumentSchema,
    }),
  ),
});
export type ChainKpiDocument = z.infer<typeof ChainKpiDocumentSchema>;
