import { IsoDateSchema, bilingual, parseWith } from '@kuaiban/calendar';
import { z } from 'zod';

/** A moment: a date (taken as 09:00 in Asia/Shanghai) or an ISO date-time with an offset. */
const MomentSchema = z.union(
  [IsoDateSchema, z.iso.datetime({ offset: true })],
  bilingual(
    'Expected a date as YYYY-MM-DD or a date-time with an offset, e.g. 2025-09-26T10:00:00+08:00',
    '应为 YYYY-MM-DD 日期，或带时区偏移的日期时间，例如 2025-09-26T10:00:00+08:00',
  ),
);

/**
 * One step of a case script: an application (`submit`, the engine's
 * `Application`), a command in the engine's command shape, or `advanceTo` a
 * date to run the wake-ups due by then (deemed acceptance, warnings, overdue,
 * lapses). `at` is when the step happens; the engine's clock is set to it.
 */
export const CaseStepSchema = z
  .strictObject({
    at: MomentSchema.optional(),
    submit: z.looseObject({}).optional(),
    command: z.looseObject({ type: z.string().min(1) }).optional(),
    advanceTo: IsoDateSchema.optional(),
  })
  .superRefine((step, ctx) => {
    const kinds = (['submit', 'command', 'advanceTo'] as const).filter(
      (key) => step[key] !== undefined,
    );
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        ...bilingual(
          `A step has exactly one of submit, command or advanceTo (found ${kinds.length ? kinds.join(', ') : 'none'})`,
          `每一步须且只能有 submit、command、advanceTo 之一（现有：${kinds.length ? kinds.join('、') : '无'}）`,
        ),
      });
    } else if (step.at === undefined && step.advanceTo === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['at'],
        ...bilingual(
          'A submit or command step needs its moment, at',
          'submit 或 command 步骤须写明时间 at',
        ),
      });
    } else if (
      step.at !== undefined &&
      step.advanceTo !== undefined &&
      Date.parse(momentOf(step)) <
        Date.parse(`${step.advanceTo}T00:00:00.000+08:00`)
    ) {
      // The wake-ups run up to advanceTo are recorded at the step's moment.
      ctx.addIssue({
        code: 'custom',
        path: ['at'],
        ...bilingual(
          `An advanceTo step happens on or after the date it advances to (${step.advanceTo}), not at ${step.at}`,
          `advanceTo 步骤的时间 at 不得早于推进到的日期（${step.advanceTo}），现为 ${step.at}`,
        ),
      });
    }
  });
export type CaseStep = z.infer<typeof CaseStepSchema>;

/** The instant a step happens at, as the engine's clock gives it. */
export function momentOf(step: {
  readonly at?: string | undefined;
  readonly advanceTo?: string | undefined;
}): string {
  const at = step.at ?? `${step.advanceTo}T00:00:00.000+08:00`;
  return at.includes('T') ? at : `${at}T09:00:00.000+08:00`;
}

/**
 * Why a step may not follow the one before it, or `null`: steps run forward
 * in time, so that the audit trail's dates never run backwards.
 */
export function backInTime(
  step: CaseStep,
  before: CaseStep,
): ReturnType<typeof bilingual> | null {
  const [now, then] = [momentOf(step), momentOf(before)];
  return Date.parse(now) < Date.parse(then)
    ? bilingual(
        `Steps run forward in time: ${now} is before the step before (${then})`,
        `步骤须按时间先后：${now} 早于上一步（${then}）`,
      )
    : null;
}

/**
 * A case script: steps in time order, the first (and only the first) an
 * application.
 */
export const CaseScriptSchema = z
  .array(CaseStepSchema)
  .min(1, bilingual('A script has at least one step', '脚本至少要有一步'))
  .superRefine((steps, ctx) => {
    steps.forEach((step, i) => {
      const issue = (path: (string | number)[], en: string, zh: string) =>
        ctx.addIssue({
          code: 'custom',
          path: [i, ...path],
          ...bilingual(en, zh),
        });
      if (i === 0 && step.submit === undefined) {
        issue(
          [],
          'The first step submits the application: { "at": …, "submit": { … } }',
          '第一步须为提交申请：{ "at": …, "submit": { … } }',
        );
      }
      if (i > 0 && step.submit !== undefined) {
        issue(
          [],
          'A script drives one case: only the first step submits',
          '一个脚本只办理一件：只有第一步可以提交申请',
        );
      }
      const before = steps[i - 1];
      const backwards = before ? backInTime(step, before) : null;
      if (backwards) {
        ctx.addIssue({ code: 'custom', path: [i, 'at'], ...backwards });
      }
    });
  });

/** Parses one step (a line of standard input, or a script's entry); bad input is `INVALID_ARGUMENT`. */
export function parseCaseStep(json: unknown, where: string): CaseStep {
  return parseWith(CaseStepSchema, json, {
    code: 'INVALID_ARGUMENT',
    what: `step (${where})`,
    whatZh: `步骤（${where}）`,
  });
}

/** Parses a whole script; every problem is named with its step number. */
export function parseCaseScript(json: unknown, where: string): CaseStep[] {
  return parseWith(CaseScriptSchema, json, {
    code: 'INVALID_ARGUMENT',
    what: `script ${where}`,
    whatZh: `脚本 ${where}`,
    showPath: ([index, ...rest]) =>
      typeof index === 'number'
        ? `step ${index + 1}${rest.length ? ` ${rest.join('.')}` : ''}`
        : String(index ?? ''),
  });
}
