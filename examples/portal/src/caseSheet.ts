import type { CaseFacts, StoredCase } from '@kuaiban/core';
import type { Material } from '@kuaiban/machines';
import {
  MaterialSchema,
  NotificationCommitmentContextSchema,
  TolerantAcceptanceContextSchema,
} from '@kuaiban/machines';
import { z } from 'zod';

const StateValueSchema: z.ZodType<string | { [key: string]: unknown }> =
  z.union([z.string(), z.record(z.string(), z.unknown())]);

/**
 * The acceptance child's persisted snapshot, read with the machine's own
 * context schema: a change to the machine's context shows here as a sheet
 * without acceptance (and fails the tests), not as a wrong page.
 */
const AcceptanceSchema = z.looseObject({
  value: StateValueSchema,
  context: TolerantAcceptanceContextSchema,
});

/** The 告知承诺 child's persisted snapshot, likewise with its machine's schema. */
const CommitmentSchema = z.looseObject({
  value: StateValueSchema,
  context: NotificationCommitmentContextSchema,
});

/** The parts of a stored case snapshot the portal shows. */
const CaseSnapshotSchema = z.looseObject({
  context: z.looseObject({
    input: z.looseObject({
      acceptance: z.looseObject({
        standard: z
          .looseObject({ materials: z.array(MaterialSchema) })
          .optional(),
        ordinaryRoute: z
          .looseObject({ materials: z.array(MaterialSchema) })
          .optional(),
      }),
      review: z.looseObject({
        mode: z.string(),
        steps: z
          .array(
            z.looseObject({
              id: z.string(),
              nameZh: z.string(),
              name: z.string(),
            }),
          )
          .optional(),
      }),
    }),
    acceptedOn: z.string().nullable(),
    stepIndex: z.number(),
    refusal: z
      .looseObject({ reason: z.string(), route: z.string() })
      .nullable(),
    decision: z
      .looseObject({ outcome: z.enum(['approved', 'denied']), on: z.string() })
      .nullable(),
    certificate: z
      .looseObject({ number: z.string(), issuedOn: z.string() })
      .nullable(),
    lapse: z
      .looseObject({ consequence: z.string(), creditRecord: z.boolean() })
      .nullable(),
  }),
  children: z.record(z.string(), z.unknown()).optional(),
});

export type { Material };
export type AcceptanceSheet = {
  /** The acceptance machine's state: `checking`, `tolerance.offered` … */
  readonly state: string;
} & z.infer<typeof AcceptanceSchema>['context'];

export type CommitmentSheet = {
  /** The 告知承诺 machine's state: `noticing`, `choosing`, `granted.verifying` … */
  readonly state: string;
} & z.infer<typeof CommitmentSchema>['context'];

/** What the pages show of a case: its state, dates, notices and next steps. */
export interface CaseSheet {
  readonly caseId: string;
  readonly itemId: string;
  readonly version: number;
  readonly state: string;
  readonly facts: CaseFacts;
  readonly materials: readonly Material[];
  /** While the acceptance machine runs: findings, notices, the 容缺 notice. */
  readonly acceptance: AcceptanceSheet | null;
  /** On the 告知承诺 route: the notice, the commitment, the decision, verification. */
  readonly commitment: CommitmentSheet | null;
  /** The review step now due, in a chain review. */
  readonly reviewStep: { id: string; name: string; nameZh: string } | null;
  readonly acceptedOn: string | null;
  readonly refusal: { reason: string; route: string } | null;
  readonly decision: { outcome: 'approved' | 'denied'; on: string } | null;
  readonly certificate: { number: string; issuedOn: string } | null;
  readonly lapse: { consequence: string; creditRecord: boolean } | null;
}

/** A state value as a dotted path: `{ tolerance: 'offered' }` → `tolerance.offered`. */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, inner] = Object.entries(value)[0] ?? [];
    if (key === undefined) return '';
    const rest = stateName(inner);
    return rest ? `${key}.${rest}` : key;
  }
  return '';
}

/** Reads a stored case into its sheet; parts the snapshot lacks are `null`. */
export function caseSheet(record: StoredCase): CaseSheet {
  const parsed = CaseSnapshotSchema.safeParse(record.snapshot);
  const context = parsed.success ? parsed.data.context : null;
  const child = (id: string) =>
    (parsed.success ? parsed.data.children?.[id] : undefined) as
      { snapshot?: unknown } | undefined;
  const acceptance = AcceptanceSchema.safeParse(child('acceptance')?.snapshot);
  const commitment = CommitmentSchema.safeParse(child('commitment')?.snapshot);
  const review = context?.input.review;
  const acceptanceInput = context?.input.acceptance;
  return {
    caseId: record.caseId,
    itemId: record.itemId,
    version: record.version,
    state: stateName(record.state),
    facts: record.facts,
    materials:
      acceptanceInput?.standard?.materials ??
      acceptanceInput?.ordinaryRoute?.materials ??
      [],
    acceptance: acceptance.success
      ? {
          state: stateName(acceptance.data.value),
          ...acceptance.data.context,
        }
      : null,
    commitment: commitment.success
      ? {
          state: stateName(commitment.data.value),
          ...commitment.data.context,
        }
      : null,
    reviewStep:
      stateName(record.state) === 'reviewing' && review?.mode === 'chain'
        ? (review.steps?.[context?.stepIndex ?? 0] ?? null)
        : null,
    acceptedOn: context?.acceptedOn ?? null,
    refusal: context?.refusal ?? null,
    decision: context?.decision ?? null,
    certificate: context?.certificate ?? null,
    lapse: context?.lapse ?? null,
  };
}
