import type { WorkCalendar } from '@kuaiban/calendar';
import {
  KuaibanError,
  calendarFromJSON,
  createChinaCalendar,
  isKuaibanError,
} from '@kuaiban/calendar';
import { Command } from 'commander';
import { z } from 'zod';
import { parseArguments } from './arguments.js';
import type { CaseRun, FinalCase, StepOutcome } from './caseRun.js';
import { createCaseRun } from './caseRun.js';
import type { CaseStep } from './caseScript.js';
import { backInTime, parseCaseScript, parseCaseStep } from './caseScript.js';
import type { Design } from './design.js';
import { designItems, readDesign } from './design.js';
import type { CliIO } from './io.js';
import { bold, dim, green, red } from './io.js';
import { problemsFound } from './problemsFound.js';
import { parseJsonText, readJsonFile, readTextFile } from './readJsonFile.js';

const RunFlags = z.object({
  script: z.string().min(1).optional(),
  calendar: z.string().min(1).optional(),
  format: z.enum(['text', 'json']).default('text'),
});
type RunFlags = z.infer<typeof RunFlags>;

function chooseCalendar(io: CliIO, flags: RunFlags): WorkCalendar {
  if (!flags.calendar) return createChinaCalendar();
  return calendarFromJSON(readTextFile(io, flags.calendar));
}

const shown = (state: unknown): string =>
  typeof state === 'string' ? state : JSON.stringify(state);

/** One step as people read it: what happened, then the case's state and dates. */
export function describeStep(io: CliIO, outcome: StepOutcome): string {
  const who = outcome.actor
    ? ` ${dim(io, `${outcome.actor.id} (${outcome.actor.role})`)}`
    : '';
  const what =
    outcome.action === 'advance'
      ? `${bold(io, 'ADVANCE')} ${dim(io, `${outcome.wakeUps ?? 0} wake-ups ran 次唤醒`)}`
      : `${bold(io, outcome.type)}${who}`;
  const head = `#${outcome.step} ${outcome.at}  ${what}`;
  if (outcome.rejection) {
    const { code, message, messageZh } = outcome.rejection;
    return `${head}\n   ${red(io, `rejected ${code}`)}: ${message}\n   ${red(io, '被拒绝')}：${messageZh}\n`;
  }
  const due = outcome.dueDates
    ? Object.entries(outcome.dueDates)
        .filter(([, date]) => date !== null)
        .map(([name, date]) => `${name} ${String(date)}`)
        .join(', ')
    : '';
  const lines = [
    `${head}\n   ${green(io, '→')} ${shown(outcome.state)} ${dim(io, `v${outcome.version ?? 0}`)}`,
  ];
  if (outcome.awaiting.length) {
    lines.push(`   awaiting 待办: ${outcome.awaiting.join(', ')}`);
  }
  if (due) lines.push(`   due 期限: ${due}`);
  return `${lines.join('\n')}\n`;
}

function describeEnd(
  io: CliIO,
  final: FinalCase | null,
  rejected: number,
): string {
  const rejections = rejected
    ? red(io, `${rejected} step(s) rejected 步被拒绝`)
    : green(io, 'every step accepted 全部步骤已受理');
  if (!final) return `no case 未形成办件; ${rejections}\n`;
  const trail = final.history.ok
    ? `${final.history.entries} audit entries verified 审计链校验通过`
    : red(io, 'audit trail does not verify 审计链校验失败');
  const replay = final.replayMatches
    ? 'replay matches 回放一致'
    : red(io, 'replay differs 回放不一致');
  return `${bold(io, `case ${final.caseId}`)} ${final.itemId}: ${shown(final.state)} v${final.version}; ${trail}; ${replay}; ${rejections}\n`;
}

/** The stable JSON document of `--format json`. */
export function runDocument(
  design: Design,
  outcomes: readonly StepOutcome[],
  final: FinalCase | null,
) {
  return {
    design: {
      kind: design.kind,
      items: designItems(design).map((item) => item.id),
    },
    steps: outcomes,
    rejected: outcomes.filter((o) => !o.accepted).length,
    case: final,
  };
}

const badLines = (): KuaibanError =>
  new KuaibanError({
    code: 'INVALID_ARGUMENT',
    message:
      'Some lines of standard input were not valid steps and were skipped (see above)',
    messageZh: '标准输入中有些行不是有效步骤，已跳过（见上文）',
  });

/** Steps from standard input, one JSON object a line; bad lines are reported and skipped. */
async function* stdinSteps(
  io: CliIO,
  run: CaseRun,
  onBadLine: () => void,
): AsyncGenerator<CaseStep> {
  if (!io.lines) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: 'No --script given and no standard input to read steps from',
      messageZh: '未指定 --script，也没有可读取步骤的标准输入',
    });
  }
  let number = 0;
  let before: CaseStep | null = null;
  for await (const line of io.lines()) {
    number++;
    const text = line.trim();
    if (!text || text.startsWith('//') || text.startsWith('#')) continue;
    try {
      const where = `line ${number}`;
      const step = parseCaseStep(parseJsonText(text, where), where);
      const submits = step.submit !== undefined;
      if (submits === run.started) {
        throw new KuaibanError({
          code: 'INVALID_ARGUMENT',
          message: submits
            ? `line ${number}: the case is already submitted; one run drives one case`
            : `line ${number}: submit the application first: { "at": …, "submit": { … } }`,
          messageZh: submits
            ? `第 ${number} 行：办件已提交；一次运行只办理一件`
            : `第 ${number} 行：请先提交申请：{ "at": …, "submit": { … } }`,
        });
      }
      const backwards = before ? backInTime(step, before) : null;
      if (backwards) {
        throw new KuaibanError({
          code: 'INVALID_ARGUMENT',
          message: `line ${number}: ${backwards.message}`,
          messageZh: `第 ${number} 行：${backwards.params.zh}`,
        });
      }
      before = step;
      yield step;
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      onBadLine();
      io.stderr(
        `${red(io, `error ${error.code}`)}: ${error.message}\n${red(io, '错误')}：${error.messageZh}\n`,
      );
    }
  }
}

/**
 * `kuaiban run <design> [--script <file>] [--calendar <file>] [--format text|json]`:
 * drives one case through the engine. Exit 1 when any step was rejected, 2
 * for bad input.
 */
export function runCommand(io: CliIO): Command {
  return new Command('run')
    .description(
      'drive one case through the engine, from a script or step by step (办理一件)',
    )
    .argument('<design>', 'a design JSON file: one service item, or a chain')
    .option(
      '--script <file>',
      'a JSON list of steps; without it, steps are read as JSON lines from standard input',
    )
    .option(
      '--calendar <file>',
      'a local calendar JSON file (defineCalendar format) instead of the national one',
    )
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      `
Steps (one case; the first submits it; a rejected step changes nothing, the run goes on):
  { "at": "2025-09-26", "submit": { "applicant": { "id": "bakery" }, "handler": { "id": "officer-chen" } } }
  { "at": "2025-09-26T10:30:00+08:00", "command": { "type": "PRE_REVIEW_PASSED", "actor": { "id": "officer-chen", "role": "window-officer" } } }
  { "advanceTo": "2025-10-20" }
A date alone means 09:00 in Asia/Shanghai. Exit codes: 0 every step accepted, 1 a step was rejected, 2 bad input.

Examples:
  kuaiban run food-permit.design.json --script food-permit.script.json
  kuaiban run food-permit.design.json --script food-permit.script.json --format json
  kuaiban run food-permit.design.json < steps.jsonl`,
    )
    .action(async (path: string, raw: unknown) => {
      const flags = parseArguments(RunFlags, raw);
      const design = readDesign(io, path);
      const calendar = chooseCalendar(io, flags);
      // A script is checked whole before anything runs.
      const script = flags.script
        ? parseCaseScript(readJsonFile(io, flags.script), flags.script)
        : null;
      const run = createCaseRun(designItems(design), calendar);
      let badInput = false;
      const steps = script ?? stdinSteps(io, run, () => (badInput = true));
      const outcomes: StepOutcome[] = [];
      for await (const step of steps) {
        const outcome = await run.step(step);
        outcomes.push(outcome);
        if (flags.format === 'text') io.stdout(describeStep(io, outcome));
        // Without a case there is nothing to drive: a script stops here.
        if (script && !run.started) break;
      }
      const final = await run.finish();
      const rejected = outcomes.filter((o) => !o.accepted).length;
      io.stdout(
        flags.format === 'json'
          ? `${JSON.stringify(runDocument(design, outcomes, final), null, 2)}\n`
          : describeEnd(io, final, rejected),
      );
      if (badInput) throw badLines();
      if (rejected) throw problemsFound();
    });
}
