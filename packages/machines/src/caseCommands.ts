import { parseWith } from '@kuaiban/calendar';
import { z } from 'zod';
import type { CaseLifecycleCommand } from './caseLifecycleSchemas.js';
import {
  CaseLifecycleCommandSchema,
  caseLifecycleCommandRoles,
} from './caseLifecycleSchemas.js';
import type { DeadlineClockEvent } from './deadlineClock.js';
import {
  DeadlineClockEventSchema,
  deadlineClockRoles,
} from './deadlineClock.js';
import type { NotificationCommitmentEvent } from './notificationCommitment.js';
import {
  NotificationCommitmentEventSchema,
  notificationCommitmentRoles,
} from './notificationCommitment.js';
import type { ParallelApprovalEvent } from './parallelApproval.js';
import {
  ParallelApprovalEventSchema,
  parallelApprovalRoles,
} from './parallelApproval.js';
import type { Role } from './party.js';
import { checkedAsParsed } from './trustedInput.js';
import type { TolerantAcceptanceEvent } from './tolerantAcceptance.js';
import {
  TolerantAcceptanceEventSchema,
  tolerantAcceptanceRoles,
} from './tolerantAcceptance.js';

/**
 * Every command a case accepts from outside: its own, and those it passes on
 * to the patterns it runs. The children's notices to the case are not here:
 * they are not commands.
 */
export const CaseCommandSchema = z.union([
  CaseLifecycleCommandSchema,
  TolerantAcceptanceEventSchema,
  NotificationCommitmentEventSchema,
  ParallelApprovalEventSchema,
  DeadlineClockEventSchema,
]);
export type CaseCommand =
  | CaseLifecycleCommand
  | TolerantAcceptanceEvent
  | NotificationCommitmentEvent
  | ParallelApprovalEvent
  | DeadlineClockEvent;

/** Which roles may send each command to a case. */
export const caseCommandRoles: Readonly<
  Record<CaseCommand['type'], readonly Role[]>
> = {
  ...tolerantAcceptanceRoles,
  ...notificationCommitmentRoles,
  ...parallelApprovalRoles,
  ...deadlineClockRoles,
  ...caseLifecycleCommandRoles,
};

type Union = { readonly options: readonly z.ZodType[] };
type TypedSchema = z.ZodType & { shape: { type: { value: string } } };

/**
 * Each command type's schema, the case's own first: a command is told
 * exactly which field is wrong (a plain union would only say "no match").
 */
const schemasByType = new Map<string, z.ZodType>();
/** Types that the case and a child it passes them on to check alike. */
const checkedAlike = new Set<string>();
{
  const all = new Map<string, Set<z.ZodType>>();
  for (const union of [
    CaseLifecycleCommandSchema,
    TolerantAcceptanceEventSchema,
    NotificationCommitmentEventSchema,
    ParallelApprovalEventSchema,
    DeadlineClockEventSchema,
  ] as unknown as Union[]) {
    for (const schema of union.options as TypedSchema[]) {
      const type = schema.shape.type.value;
      if (!schemasByType.has(type)) schemasByType.set(type, schema);
      all.set(type, (all.get(type) ?? new Set()).add(schema));
    }
  }
  for (const [type, schemas] of all) {
    if (schemas.size === 1) checkedAlike.add(type);
  }
}

/**
 * A command for a case, parsed with the schema of its type, or `null` for a
 * type no case accepts; a malformed one is a `KuaibanError`
 * `INVALID_COMMAND` naming the field, in English and Chinese. What it
 * returns is what the case and its children check commands with, so they
 * take it as checked and do not parse it again (a type the case and a
 * child check differently, such as `WITHDRAW`, is still parsed by each).
 *
 * @example
 * const command = parseCaseCommand({ type: 'PRE_REVIEW_PASSED', at: '2025-09-26', actor: officer });
 * kase.send(command!);
 */
export function parseCaseCommand(
  input: { readonly type: string } & Record<string, unknown>,
): CaseCommand | null {
  const schema = schemasByType.get(input.type);
  if (!schema) return null;
  const command = parseWith(schema, input, {
    code: 'INVALID_COMMAND',
    what: `command ${input.type}`,
    whatZh: `指令 ${input.type}`,
  }) as CaseCommand;
  return checkedAlike.has(input.type) ? checkedAsParsed(command) : command;
}
