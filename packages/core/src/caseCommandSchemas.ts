import {
  CaseLifecycleCommandSchema,
  DeadlineClockEventSchema,
  NotificationCommitmentEventSchema,
  ParallelApprovalEventSchema,
  TolerantAcceptanceEventSchema,
} from '@kuaiban/machines';
import type { z } from 'zod';

type Union = { options: readonly z.ZodType[] };

/**
 * The schema of each command type a case accepts, so that a bad command is
 * told exactly which field is wrong (a plain union would only say "no
 * match").
 */
export const commandSchemas: ReadonlyMap<string, z.ZodType> = new Map(
  [
    CaseLifecycleCommandSchema,
    TolerantAcceptanceEventSchema,
    NotificationCommitmentEventSchema,
    ParallelApprovalEventSchema,
    DeadlineClockEventSchema,
  ]
    .flatMap((union) => (union as unknown as Union).options)
    .reverse()
    .map((schema) => {
      const shape = (
        schema as unknown as { shape: { type: { value: string } } }
      ).shape;
      return [shape.type.value, schema] as const;
    }),
);
