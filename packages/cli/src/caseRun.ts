import type { WorkCalendar } from '@kuaiban/calendar';
import { isKuaibanError } from '@kuaiban/calendar';
import type {
  CaseFacts,
  CaseView,
  HistoryCheck,
  ItemDefinition,
} from '@kuaiban/core';
import { createEngine, createMemoryStore, verifyHistory } from '@kuaiban/core';
import type { CaseStep } from './caseScript.js';
import { momentOf } from './caseScript.js';

/** What one step did: the case after it, or why it was rejected. */
export interface StepOutcome {
  /** 1-based, in the order the steps came. */
  readonly step: number;
  readonly at: string;
  readonly action: 'submit' | 'command' | 'advance';
  /** `SUBMIT`, the command's type, or `ADVANCE`. */
  readonly type: string;
  readonly actor: { readonly id: string; readonly role: string } | null;
  readonly accepted: boolean;
  /** Wake-ups run by an `advanceTo` step. */
  readonly wakeUps: number | null;
  readonly rejection: {
    readonly code: string;
    readonly message: string;
    readonly messageZh: string;
  } | null;
  /** The case after the step (unchanged by a rejection); null before it exists. */
  readonly version: number | null;
  readonly state: unknown;
  readonly dueDates: CaseFacts['dueDates'] | null;
  readonly awaiting: CaseFacts['awaiting'];
}

/** The case at the end, with its audit trail checked and replayed. */
export interface FinalCase {
  readonly caseId: string;
  readonly itemId: string;
  readonly version: number;
  readonly state: unknown;
  readonly facts: CaseFacts;
  readonly history: HistoryCheck;
  readonly replayMatches: boolean;
  readonly trail: readonly {
    readonly sequence: number;
    readonly at: string;
    readonly actor: unknown;
    readonly command: string;
    readonly state: unknown;
  }[];
}

const actorOf = (value: unknown): StepOutcome['actor'] => {
  const actor = value as { id?: unknown; role?: unknown } | undefined;
  return typeof actor?.id === 'string' && typeof actor.role === 'string'
    ? { id: actor.id, role: actor.role }
    : null;
};

/**
 * One case driven step by step through the engine: a memory store, the
 * engine's clock set to each step's moment, case ids `case-1`, `case-2` … A
 * rejected step changes nothing and is reported in its outcome; the run goes
 * on with the next step.
 */
export function createCaseRun(
  items: readonly ItemDefinition[],
  calendar: WorkCalendar,
) {
  let now = '';
  let next = 0;
  const engine = createEngine({
    items,
    calendar,
    clock: { now: () => now },
    ids: () => `case-${++next}`,
    store: createMemoryStore(),
  });
  let caseId: string | null = null;
  let count = 0;

  async function step(input: CaseStep): Promise<StepOutcome> {
    now = momentOf(input);
    const base = { step: ++count, at: input.at ?? now };
    let action: StepOutcome['action'] = 'advance';
    let type = 'ADVANCE';
    let actor: StepOutcome['actor'] = null;
    let wakeUps: number | null = null;
    let rejection: StepOutcome['rejection'] = null;
    try {
      if (input.submit) {
        action = 'submit';
        type = 'SUBMIT';
        const application = { ...input.submit };
        if (application.itemId === undefined && items.length === 1) {
          application.itemId = items[0]?.id;
        }
        const applicant = application.applicant as { id?: unknown } | undefined;
        actor = actorOf({ id: applicant?.id, role: 'applicant' });
        caseId = (await engine.submit(application as never)).caseId;
      } else if (input.command) {
        action = 'command';
        type = input.command.type;
        actor = actorOf(input.command.actor);
        await engine.dispatch(caseId ?? '', input.command);
      } else if (input.advanceTo) {
        wakeUps = await engine.advanceTo(input.advanceTo);
      }
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      const { code, message, messageZh } = error;
      rejection = { code, message, messageZh };
    }
    const view: CaseView | null = caseId ? await engine.get(caseId) : null;
    return {
      ...base,
      action,
      type,
      actor,
      accepted: rejection === null,
      wakeUps,
      rejection,
      version: view?.version ?? null,
      state: view?.state ?? null,
      dueDates: view?.facts.dueDates ?? null,
      awaiting: view?.facts.awaiting ?? [],
    };
  }

  /** The case as it ends; null when no application was accepted. */
  async function finish(): Promise<FinalCase | null> {
    if (!caseId) return null;
    const view = await engine.get(caseId);
    const entries = await engine.history(caseId);
    const history = verifyHistory(entries);
    const { matches } = history.ok
      ? await engine.replay(caseId)
      : { matches: false };
    return {
      caseId,
      itemId: view.itemId,
      version: view.version,
      state: view.state,
      facts: view.facts,
      history,
      replayMatches: matches,
      trail: entries.map((entry) => ({
        sequence: entry.sequence,
        at: entry.at,
        actor: entry.actor,
        command: entry.command.type,
        state: entry.state,
      })),
    };
  }

  return {
    step,
    finish,
    /** Whether an application has been accepted: later steps need a case. */
    get started(): boolean {
      return caseId !== null;
    },
  };
}

export type CaseRun = ReturnType<typeof createCaseRun>;
