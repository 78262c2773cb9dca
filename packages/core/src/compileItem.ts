import type { WorkCalendar } from '@kuaiban/calendar';
import {
  IsoDateSchema,
  KuaibanError,
  addCalendarDays,
  bilingual,
  parseWith,
} from '@kuaiban/calendar';
import type {
  CaseLifecycleInput,
  NotificationCommitmentInput,
  ParallelApprovalInput,
  TolerantAcceptanceInput,
} from '@kuaiban/machines';
import { createCaseLifecycleMachine } from '@kuaiban/machines';
import { z } from 'zod';
import type { ItemDefinition, LimitUnit } from './itemDefinition.js';
import {
  HOURS_PER_WORKING_DAY,
  ItemDefinitionSchema,
  definitionLabel,
  requestedMaterials,
} from './itemDefinition.js';
import { crossFieldCheck } from './itemDefinitionChecks.js';
import type { MachineGraph } from './itemDefinitionGraph.js';
import { machineGraph } from './itemDefinitionGraph.js';

const Text = z
  .string()
  .trim()
  .min(1, bilingual('Must not be empty', '不能为空'));

const Officer = z.strictObject({ id: Text, backup: Text.optional() });

/** One application for a compiled item: who applies, when, by which route. */
export const CaseApplicationSchema = z.strictObject({
  caseId: Text,
  submittedOn: IsoDateSchema,
  applicant: z.strictObject({
    id: Text,
    /** A serious bad-credit record (RQ-CREDIT). */
    seriousBadCredit: z.boolean().optional(),
    /** An earlier false commitment not yet repaired (RQ-CREDIT, GZ-FALSE). */
    unrepairedFalseCommitment: z.boolean().optional(),
  }),
  /** The handling officer and backup (SVC-AB-POST); default: the item's `roles.handler`. */
  handler: Officer.optional(),
  /** The officer first asked (SVC-FIRST-ASK); default: the handler. */
  firstAsked: Text.optional(),
  /** `commitment`: 告知承诺, where the item offers it (GZ-CHOICE). */
  route: z.enum(['standard', 'commitment']).default('standard'),
  /** Materials an earlier item's result provides, not asked for again (SVC-SHARE). */
  providedMaterials: z.array(Text).readonly().default([]),
});
export type CaseApplication = z.input<typeof CaseApplicationSchema>;

/** A service item compiled to the case machine. */
export interface CompiledItem {
  readonly definition: ItemDefinition;
  /** The case machine (办件), on the calendar given to the compiler. */
  readonly machine: ReturnType<typeof createCaseLifecycleMachine>;
  /** The case machine's input for one application. */
  caseInput(application: CaseApplication): CaseLifecycleInput;
  /** Every state and transition of the machine, for lint and simulation. */
  readonly graph: MachineGraph;
}

type CaseLimits = CaseLifecycleInput['limits'];

/** A count in `unit` as working days, the only unit the case clock counts. */
function inWorkingDays(
  count: number,
  unit: LimitUnit,
  calendar: WorkCalendar,
  from: string,
): number {
  switch (unit) {
    case 'working-days':
      return count;
    case 'working-hours':
      return Math.ceil(count / HOURS_PER_WORKING_DAY);
    case 'calendar-days':
      return Math.max(
        1,
        calendar.workingDaysBetween(from, addCalendarDays(from, count)),
      );
  }
}

function limitsOf(
  item: ItemDefinition,
  calendar: WorkCalendar,
  submittedOn: string,
): CaseLimits {
  const { statutory, promised } = item.limits;
  const days = (count: number) =>
    inWorkingDays(count, statutory.unit, calendar, submittedOn);
  return {
    statutoryDays: days(statutory.days),
    basis: statutory.basis,
    ...(promised ? { promisedDays: days(promised.days) } : {}),
    ...(statutory.extensionDays
      ? { maxExtensionDays: days(statutory.extensionDays) }
      : {}),
  };
}

/** The rules an application must meet for this item, each with its path. */
function applicationSchemaFor(item: ItemDefinition, calendar: WorkCalendar) {
  const known = new Set(item.materials.map((m) => m.id));
  return CaseApplicationSchema.check(
    crossFieldCheck<z.output<typeof CaseApplicationSchema>>(
      (application, { sound, issue }) => {
        if (
          sound(['handler']) &&
          !application.handler &&
          !item.roles?.handler
        ) {
          issue(
            ['handler'],
            'SVC-AB-POST: name the handler, or give the item a roles.handler',
            'SVC-AB-POST：请指定经办人，或为事项设置 roles.handler',
          );
        }
        if (!sound(['route'], ['providedMaterials'])) return;
        application.providedMaterials.forEach((id, index) => {
          if (!known.has(id)) {
            issue(
              ['providedMaterials', index],
              `item "${item.id}" has no material "${id}"`,
              `事项“${item.id}”没有材料“${id}”`,
            );
          }
        });
        const requested = requestedMaterials(
          item,
          application.providedMaterials,
        );
        if (requested.length === 0) {
          issue(
            ['providedMaterials'],
            'SVC-SHARE: every material is provided, but acceptance needs at least one the applicant submits',
            'SVC-SHARE：全部材料均已共享提供，但受理至少需要申请人提交一项材料',
          );
        }
        if (application.route === 'commitment') {
          if (!item.acceptance.commitment) {
            issue(
              ['route'],
              `GZ-CHOICE: item "${item.id}" does not offer notification-commitment`,
              `GZ-CHOICE：事项“${item.id}”未提供告知承诺`,
            );
          } else if (!requested.some((m) => m.replaceableByCommitment)) {
            issue(
              ['route'],
              'GZ-NOTICE: every proof the commitment would replace is provided by data sharing: take the standard route',
              'GZ-NOTICE：告知承诺可替代的证明材料均已共享提供，请按一般程序办理',
            );
          }
        }
        const tolerance = item.acceptance.tolerant;
        if (!tolerance || !sound(['submittedOn'])) return;
        const limits = limitsOf(item, calendar, application.submittedOn);
        const promised = limits.promisedDays ?? limits.statutoryDays;
        if (tolerance.supplementDays > promised) {
          issue(
            ['submittedOn'],
            `RQ-DEADLINE: from ${application.submittedOn} the promised limit is ${promised} working days, shorter than the supplement deadline (${tolerance.supplementDays})`,
            `RQ-DEADLINE：自 ${application.submittedOn} 起承诺时限为 ${promised} 个工作日，短于补正期限（${tolerance.supplementDays} 个工作日）`,
          );
        }
      },
    ),
  );
}

function reviewOf(item: ItemDefinition): CaseLifecycleInput['review'] {
  if (item.review.mode === 'chain') return item.review;
  const { mode: _mode, ...approval } = item.review;
  const parallel: Omit<ParallelApprovalInput, 'startedOn'> = approval;
  return { mode: 'parallel', approval: parallel };
}

/**
 * Compiles a service item to the case machine: the machine on the given
 * calendar, the mapping from one application to the machine's input, and the
 * machine's graph. Standard acceptance carries the item's 容缺 rule; the
 * commitment route (告知承诺) replaces the materials marked
 * `replaceableByCommitment`, with the ordinary route beside it; limits in
 * working hours or calendar days become the working days the case clock
 * counts.
 *
 * @example
 * const compiled = compileItem(foodPermit, { calendar: createChinaCalendar() });
 * const kase = createActor(compiled.machine, {
 *   input: compiled.caseInput({
 *     caseId: 'case-2025-0001', submittedOn: '2025-09-26',
 *     applicant: { id: 'bakery' }, handler: { id: 'officer-chen' },
 *   }),
 * }).start();
 */
export function compileItem(
  definition: ItemDefinition,
  options: { calendar: WorkCalendar },
): CompiledItem {
  const item = parseWith(ItemDefinitionSchema, definition, {
    code: 'INVALID_DEFINITION',
    ...definitionLabel(definition, 'service item', '事项'),
  });
  if (item.reformMode === 'cancel') {
    const message =
      'ZZ-CANCEL: the approval is cancelled; there is no case to compile';
    const messageZh = 'ZZ-CANCEL：该审批已直接取消，无办件可编译';
    throw new KuaibanError({
      code: 'INVALID_DEFINITION',
      message: `Invalid service item "${item.id}": reformMode: ${message}`,
      messageZh: `事项“${item.id}”无效：reformMode：${messageZh}`,
      issues: [{ path: ['reformMode'], message, messageZh }],
    });
  }
  const machine = createCaseLifecycleMachine(options);
  const { calendar } = options;
  const applicationSchema = applicationSchemaFor(item, calendar);
  return {
    definition: item,
    machine,
    graph: machineGraph(machine),
    caseInput(input) {
      const application = parseWith(applicationSchema, input, {
        code: 'INVALID_ARGUMENT',
        what: `application for "${item.id}"`,
        whatZh: `事项“${item.id}”的申请`,
      });
      const requested = requestedMaterials(item, application.providedMaterials);
      const { tolerant, commitment, noticeDays } = item.acceptance;
      const standard: Pick<
        TolerantAcceptanceInput,
        'materials' | 'tolerance' | 'noticeDays'
      > = {
        materials: requested.map(
          ({ id, name, nameZh, primary, tolerable }) => ({
            id,
            name,
            nameZh,
            primary,
            tolerable,
          }),
        ),
        ...(tolerant ? { tolerance: tolerant } : {}),
        ...(noticeDays ? { noticeDays } : {}),
      };
      // The application schema asks for one or the other.
      const handler = (application.handler ?? item.roles?.handler)!;
      const { applicant, caseId, submittedOn } = application;
      const replacedProofs = requested
        .filter((m) => m.replaceableByCommitment)
        .map(({ id, name, nameZh }) => ({ id, name, nameZh }));
      return {
        caseId,
        itemId: item.id,
        kind: item.caseKind,
        submittedOn,
        applicant,
        acceptance:
          application.route === 'commitment' && commitment
            ? {
                mode: 'commitment',
                commitment: {
                  ...commitment,
                  replacedProofs,
                } satisfies Omit<NotificationCommitmentInput, 'applicant'>,
                ordinaryRoute: standard,
              }
            : { mode: 'standard', standard },
        review: reviewOf(item),
        limits: limitsOf(item, calendar, submittedOn),
        issuanceDays: item.issuance.days,
        ratingRectifyDays: item.rating.rectifyDays,
        handler,
        firstAsked: application.firstAsked ?? handler.id,
      };
    },
  };
}
