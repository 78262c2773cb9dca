import type { WorkCalendar } from '@kuaiban/calendar';
import {
  KuaibanError,
  dateInChina,
  parseWith,
  withFields,
} from '@kuaiban/calendar';
import type { CaseLifecycleInput, Party, Role } from '@kuaiban/machines';
import {
  caseCommandRoles,
  caseSchedule,
  parseCaseCommand,
} from '@kuaiban/machines';
import { createActor } from 'xstate';
import { z } from 'zod';
import type { AuditEntry } from './auditTrail.js';
import { assertHistory, chainEntry } from './auditTrail.js';
import { canonicalJson, isPlainObject } from './canonicalJson.js';
import type { CaseFacts, CaseStore, StoredCase } from './CaseStore.js';
import type { CompiledItem } from './compileItem.js';
import { compileItem } from './compileItem.js';
import { createMemoryStore, handOver } from './createMemoryStore.js';
import { keptInPlace } from './frozenJson.js';
import type { ItemDefinition } from './itemDefinition.js';
import { sameJson } from './sameJson.js';
import { awaitingRoles } from './workQueue.js';

/** The engine's source of time: an ISO 8601 date-time with an offset. */
export interface Clock {
  now(): string;
}

export interface EngineOptions {
  readonly items: readonly ItemDefinition[];
  readonly calendar: WorkCalendar;
  readonly clock: Clock;
  /** New case ids; inject them (no randomness inside the engine). */
  readonly ids: () => string;
  readonly store?: CaseStore;
}

interface Live {
  readonly version: number;
  readonly actor: ReturnType<typeof createActor<CompiledItem['machine']>>;
  /** The persisted snapshot, to tell whether a command changed it. */
  readonly persisted: unknown;
}

/** What a portal shows of a case. */
export interface CaseView {
  readonly caseId: string;
  readonly itemId: string;
  readonly version: number;
  readonly state: unknown;
  readonly facts: CaseFacts;
}

export type EngineEventType =
  | 'case.submitted'
  | 'case.changed'
  | 'case.closed'
  | 'deadline.warning'
  | 'deadline.overdue';

export interface EngineEvent {
  readonly type: EngineEventType;
  readonly caseId: string;
  readonly version: number;
  readonly state: unknown;
}

const ApplicationSchema = z.strictObject({
  itemId: z.string().min(1),
  applicant: z.strictObject({
    id: z.string().min(1),
    seriousBadCredit: z.boolean().optional(),
    unrepairedFalseCommitment: z.boolean().optional(),
  }),
  handler: z.strictObject({
    id: z.string().min(1),
    backup: z.string().min(1).optional(),
  }),
  firstAsked: z.string().min(1).optional(),
  route: z.enum(['standard', 'commitment']).optional(),
  providedMaterials: z.array(z.string().min(1)).optional(),
  commandId: z.string().min(1).optional(),
});
export type Application = z.input<typeof ApplicationSchema>;

/** A command as a portal sends it: the engine dates it (`at`) from its clock. */
const EnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  commandId: z.string().min(1).optional(),
});

/**
 * What {@link EnvelopeSchema} accepts as it is, checked without building
 * its copy; anything else is parsed, to be told exactly what is wrong.
 */
function wellFormedEnvelope(
  input: unknown,
): input is z.output<typeof EnvelopeSchema> {
  if (typeof input !== 'object' || input === null) return false;
  if (!isPlainObject(input)) return false;
  const { type, commandId } = input as { type?: unknown; commandId?: unknown };
  return (
    typeof type === 'string' &&
    type.length > 0 &&
    (commandId === undefined ||
      (typeof commandId === 'string' && commandId.length > 0))
  );
}

const machineDate = (moment: string) => dateInChina(moment);

/**
 * The engine a portal embeds: it takes applications and commands, checks
 * who may do what, runs each case on its compiled machine, keeps the legal
 * clocks through wake-ups, and writes every accepted command to the audit
 * trail with the state change, in one store commit.
 *
 * @example
 * const engine = createEngine({ items: [foodPermit], calendar, clock, ids });
 * const { caseId } = await engine.submit({ itemId: 'food-permit', applicant: { id: 'bakery' }, handler: { id: 'officer-chen' } });
 * await engine.dispatch(caseId, { type: 'PRE_REVIEW_PASSED', actor: { id: 'officer-chen', role: 'window-officer' } });
 */
export function createEngine(options: EngineOptions) {
  const { calendar, clock, ids } = options;
  const store = options.store ?? createMemoryStore();
  const items = new Map<string, CompiledItem>(
    options.items.map((item) => [item.id, compileItem(item, { calendar })]),
  );
  const listeners = new Map<
    EngineEventType,
    Set<(event: EngineEvent) => void>
  >();
  const emit = (type: EngineEventType, view: CaseView) => {
    for (const listener of listeners.get(type) ?? []) {
      listener({
        type,
        caseId: view.caseId,
        version: view.version,
        state: view.state,
      });
    }
  };

  const compiled = (itemId: string): CompiledItem => {
    const item = items.get(itemId);
    if (item) return item;
    throw new KuaibanError({
      code: 'INVALID_COMMAND',
      message: `No service item "${itemId}" in this engine`,
      messageZh: `本引擎中没有事项“${itemId}”`,
      details: { itemId },
    });
  };

  const factsOf = (
    actor: ReturnType<typeof createActor<CompiledItem['machine']>>,
  ): CaseFacts => {
    const snapshot = actor.getSnapshot();
    const { nextWakeUp, dueDates } = caseSchedule(snapshot, calendar);
    return {
      status: snapshot.status === 'done' ? 'done' : 'active',
      nextWakeUp,
      warnedOn: snapshot.context.warnedOn,
      escalatedOn: snapshot.context.escalatedOn,
      handler: snapshot.context.input.handler.id,
      applicant: snapshot.context.input.applicant.id,
      awaiting: awaitingRoles(String(snapshot.value)),
      dueDates,
    };
  };

  const view = (record: StoredCase): CaseView => ({
    caseId: record.caseId,
    itemId: record.itemId,
    version: record.version,
    state: record.state,
    facts: record.facts,
  });

  async function load(caseId: string): Promise<StoredCase> {
    const record = await store.load(caseId);
    if (record) return record;
    throw new KuaibanError({
      code: 'CASE_NOT_FOUND',
      message: `No case "${caseId}"`,
      messageZh: `没有办件“${caseId}”`,
      details: { caseId },
    });
  }

  /**
   * Running cases, by id, at the version they were stored with: a command on
   * a case just written needs no restore from its snapshot. The store's
   * version check still decides; a stale entry is simply restored again.
   */
  const live = new Map<string, Live>();
  const LIVE_LIMIT = 500;

  function takeLive(record: StoredCase): Live {
    const cached = live.get(record.caseId);
    live.delete(record.caseId);
    if (cached?.version === record.version) return cached;
    cached?.actor.stop();
    const { machine } = compiled(record.itemId);
    const actor = createActor(machine, { snapshot: record.snapshot } as never);
    actor.start();
    return {
      version: record.version,
      actor,
      persisted: actor.getPersistedSnapshot(),
    };
  }

  function keepLive(caseId: string, kept: Live): void {
    live.set(caseId, kept);
    if (live.size > LIVE_LIMIT) {
      const [oldest] = live.keys();
      if (oldest !== undefined) {
        live.get(oldest)?.actor.stop();
        live.delete(oldest);
      }
    }
  }

  /**
   * The date of a wake-up's TICK: its due date, or the date of the case's
   * last command if that is later (a wake-up can fall due while a command
   * is being handled), so that the trail's dates never run backwards.
   */
  async function tickDate(record: StoredCase): Promise<string> {
    const last = (await store.last(record.caseId))?.command.at;
    const due = record.facts.nextWakeUp ?? '';
    return typeof last === 'string' && last > due ? last : due;
  }

  /** Applies one dated command to a stored case; commits it or throws. */
  async function apply(
    record: StoredCase,
    command: { type: string; actor: Party; at: string },
    meta: { commandId: string | null; reason: string | null },
  ): Promise<CaseView> {
    const { actor, persisted: before } = takeLive(record);
    const facts = record.facts;
    actor.send(command as never);
    // Unchanged parts of a snapshot are the same objects: the comparison
    // walks only what the command may have changed.
    const snapshot = actor.getPersistedSnapshot() as unknown as {
      value: unknown;
    };
    if (sameJson(snapshot, before)) {
      keepLive(record.caseId, {
        version: record.version,
        actor,
        persisted: before,
      });
      throw new KuaibanError({
        code: 'NOT_ALLOWED_IN_STATE',
        message: `${command.type} is not possible for case ${record.caseId} in its present state`,
        messageZh: `办件 ${record.caseId} 当前状态下不能执行 ${command.type}`,
        details: {
          caseId: record.caseId,
          state: record.state,
          command: command.type,
        },
      });
    }
    const nextFacts = factsOf(actor);
    const state = keptInPlace(snapshot.value);
    const entry = chainEntry(await store.last(record.caseId), {
      caseId: record.caseId,
      at: clock.now(),
      actor: command.actor,
      command,
      commandId: meta.commandId,
      reason: meta.reason,
      state,
    });
    const next: StoredCase = {
      ...record,
      version: record.version + 1,
      snapshot,
      state,
      facts: nextFacts,
    };
    try {
      await store.commit(
        handOver({
          record: next,
          entry,
          expectedVersion: record.version,
          commandId: meta.commandId,
          result: {
            caseId: next.caseId,
            command: command.type,
            version: next.version,
            state,
            facts: nextFacts,
            sequence: entry.sequence,
          },
        }),
      );
    } catch (error) {
      actor.stop();
      throw error;
    }
    keepLive(record.caseId, {
      version: next.version,
      actor,
      persisted: snapshot,
    });
    const shown = view(next);
    emit('case.changed', shown);
    if (nextFacts.warnedOn !== facts.warnedOn) emit('deadline.warning', shown);
    if (nextFacts.escalatedOn !== facts.escalatedOn)
      emit('deadline.overdue', shown);
    if (nextFacts.status === 'done') emit('case.closed', shown);
    return shown;
  }

  /** Runs a case's due wake-up as a TICK; false when it changed nothing. */
  async function wakeOnce(record: StoredCase): Promise<boolean> {
    try {
      await apply(
        record,
        {
          type: 'TICK',
          at: await tickDate(record),
          actor: { id: 'scheduler', role: 'system' },
        },
        { commandId: null, reason: null },
      );
      return true;
    } catch (error) {
      if (
        error instanceof KuaibanError &&
        error.code === 'NOT_ALLOWED_IN_STATE'
      )
        return false;
      throw error;
    }
  }

  /**
   * The first result of the applicant's submission made with `commandId`,
   * or null when there was none; the id of their application for another
   * item is `INVALID_COMMAND`.
   */
  async function submittedBefore(
    commandId: string,
    application: { itemId: string; applicant: { id: string } },
  ): Promise<CaseView | null> {
    const done = await store.findSubmission(
      application.applicant.id,
      commandId,
    );
    if (!done) return null;
    const record = await store.load(done.caseId);
    if (record?.itemId !== application.itemId) {
      throw new KuaibanError({
        code: 'INVALID_COMMAND',
        message: `Command id "${commandId}" was used for case ${done.caseId}, an application for another item; a new application needs a new id`,
        messageZh: `指令编号“${commandId}”已用于办件 ${done.caseId}（另一事项的申请）；新申请需使用新编号`,
        details: { commandId, caseId: done.caseId },
      });
    }
    return {
      caseId: done.caseId,
      itemId: record.itemId,
      version: done.version,
      state: done.state,
      facts: done.facts,
    };
  }

  return {
    /** Takes an application: a new case, its first audit entry and wake-up. */
    async submit(application: Application): Promise<CaseView> {
      const parsed = parseWith(ApplicationSchema, application, {
        code: 'INVALID_COMMAND',
        what: 'application',
        whatZh: '申请',
      });
      const item = compiled(parsed.itemId);
      const commandId = parsed.commandId ?? null;
      const before = commandId && (await submittedBefore(commandId, parsed));
      if (before) return before;
      const caseId = ids();
      const input: CaseLifecycleInput = item.caseInput({
        caseId,
        submittedOn: machineDate(clock.now()),
        applicant: parsed.applicant,
        handler: parsed.handler,
        ...(parsed.firstAsked ? { firstAsked: parsed.firstAsked } : {}),
        ...(parsed.route ? { route: parsed.route } : {}),
        ...(parsed.providedMaterials
          ? { providedMaterials: parsed.providedMaterials }
          : {}),
      });
      const actor = createActor(item.machine, { input });
      actor.subscribe({ error: () => undefined });
      actor.start();
      const started = actor.getSnapshot();
      if (started.status === 'error') throw started.error;
      const snapshot = actor.getPersistedSnapshot();
      const state = keptInPlace(started.value);
      const record: StoredCase = {
        caseId,
        itemId: parsed.itemId,
        version: 1,
        snapshot,
        state,
        facts: factsOf(actor),
      };
      try {
        const entry = chainEntry(null, {
          caseId,
          at: clock.now(),
          actor: { id: input.applicant.id, role: 'applicant' },
          command: { type: 'SUBMIT', input },
          commandId,
          reason: null,
          state,
        });
        await store.commit(
          handOver({
            record,
            entry,
            expectedVersion: null,
            commandId,
            result: {
              caseId,
              command: 'SUBMIT',
              version: 1,
              state,
              facts: record.facts,
              sequence: 1,
            },
          }),
        );
      } catch (error) {
        actor.stop();
        // The same submission, sent twice at once: the first one stands.
        const first =
          commandId &&
          error instanceof KuaibanError &&
          error.code === 'CONFLICT' &&
          (await submittedBefore(commandId, parsed));
        if (first) return first;
        throw error;
      }
      // The case runs on: its first command needs no restore.
      keepLive(caseId, { version: 1, actor, persisted: snapshot });
      const shown = view(record);
      emit('case.submitted', shown);
      return shown;
    },

    /**
     * Runs one command on a case. Bad shape: `INVALID_COMMAND`; wrong role or
     * another applicant: `FORBIDDEN`; no effect in the case's state:
     * `NOT_ALLOWED_IN_STATE`; a concurrent writer: `CONFLICT`. None of them
     * changes anything. A repeated `commandId` returns the first result.
     */
    async dispatch(caseId: string, input: unknown): Promise<CaseView> {
      const envelope = wellFormedEnvelope(input)
        ? input
        : parseWith(EnvelopeSchema, input, {
            code: 'INVALID_COMMAND',
            what: 'command',
            whatZh: '指令',
          });
      const { commandId, ...body } = envelope;
      // The machines' own schema for the type: the case and the child the
      // command is for take the parsed command without parsing it again.
      const command =
        body.type === 'TICK'
          ? null
          : (parseCaseCommand(
              withFields(body, { at: machineDate(clock.now()) }),
            ) as { type: string; actor: Party; at: string } | null);
      if (!command) {
        throw new KuaibanError({
          code: 'INVALID_COMMAND',
          message: `Unknown command "${body.type}"`,
          messageZh: `未知指令“${body.type}”`,
          details: { type: body.type },
        });
      }
      const roles: readonly Role[] =
        caseCommandRoles[command.type as keyof typeof caseCommandRoles];
      const record = await load(caseId);
      if (
        !roles.includes(command.actor.role) ||
        (command.actor.role === 'applicant' &&
          command.actor.id !== record.facts.applicant)
      ) {
        throw new KuaibanError({
          code: 'FORBIDDEN',
          message: `${command.actor.role} ${command.actor.id} may not send ${command.type} for case ${caseId}`,
          messageZh: `${command.actor.role} ${command.actor.id} 无权对办件 ${caseId} 执行 ${command.type}`,
          details: { caseId, command: command.type, role: command.actor.role },
        });
      }
      if (commandId) {
        const done = await store.findCommand(caseId, commandId);
        if (done?.command === command.type) {
          // The first result, not the case as it is now.
          return {
            caseId,
            itemId: record.itemId,
            version: done.version,
            state: done.state,
            facts: done.facts,
          };
        }
        if (done) {
          throw new KuaibanError({
            code: 'INVALID_COMMAND',
            message: `Command id "${commandId}" was used for ${done.command} on case ${caseId}; a new command needs a new id`,
            messageZh: `指令编号“${commandId}”已用于办件 ${caseId} 的 ${done.command}；新指令需使用新编号`,
            details: { caseId, commandId, usedFor: done.command },
          });
        }
      }
      // The audit entry's reason is the command's own, where it gives one.
      const reason = (command as { reason?: unknown }).reason;
      return apply(record, command, {
        commandId: commandId ?? null,
        reason: typeof reason === 'string' ? reason : null,
      });
    },

    get: async (caseId: string): Promise<CaseView> => view(await load(caseId)),

    history: async (caseId: string): Promise<readonly AuditEntry[]> => {
      await load(caseId);
      return store.history(caseId);
    },

    /**
     * Replays a case's audit trail on a fresh machine: the trail must verify,
     * and replaying it must reproduce the stored state exactly.
     */
    async replay(
      caseId: string,
    ): Promise<{ matches: boolean; state: unknown }> {
      const record = await load(caseId);
      const entries = assertHistory(await store.history(caseId));
      if (entries.length !== record.version) {
        throw new KuaibanError({
          code: 'HISTORY_TAMPERED',
          message: `Case ${caseId} has version ${record.version} but ${entries.length} audit entries`,
          messageZh: `办件 ${caseId} 版本为 ${record.version}，审计记录却有 ${entries.length} 条`,
          details: { caseId, version: record.version, entries: entries.length },
        });
      }
      const [first, ...rest] = entries;
      const { machine } = compiled(record.itemId);
      const actor = createActor(machine, {
        input: (first?.command as unknown as { input: CaseLifecycleInput })
          .input,
      });
      actor.start();
      for (const entry of rest) actor.send(entry.command as never);
      const snapshot = JSON.parse(
        JSON.stringify(actor.getPersistedSnapshot()),
      ) as unknown;
      actor.stop();
      return {
        matches: canonicalJson(snapshot) === canonicalJson(record.snapshot),
        state: (snapshot as { value: unknown }).value,
      };
    },

    /**
     * Processes every wake-up due on or before `date`, each case on its own
     * due dates in order: deemed acceptance, warnings, overdue, lapses.
     * Returns how many wake-ups ran.
     */
    async advanceTo(date: string): Promise<number> {
      let processed = 0;
      const seen = new Set<string>();
      for (;;) {
        const due = (await store.due(date)).filter(
          (c) => !seen.has(`${c.caseId}@${String(c.facts.nextWakeUp)}`),
        );
        const next = due[0];
        if (!next?.facts.nextWakeUp) return processed;
        seen.add(`${next.caseId}@${next.facts.nextWakeUp}`);
        if (await wakeOnce(next)) processed++;
      }
    },

    /**
     * Processes one case's wake-ups due on or before `date`, in order; what a
     * durable worker calls for each wake-up it claims. Returns how many ran
     * (0 when the case has nothing due, or is unknown to the store).
     */
    async wake(caseId: string, date: string): Promise<number> {
      let processed = 0;
      let seen: string | null = null;
      for (;;) {
        const record = await store.load(caseId);
        const due = record?.facts.nextWakeUp ?? null;
        if (!record || due === null || due > date || due === seen)
          return processed;
        seen = due;
        if (await wakeOnce(record)) processed++;
      }
    },

    /** `advanceTo` today, by the engine's clock. */
    tick(): Promise<number> {
      return this.advanceTo(machineDate(clock.now()));
    },

    /** Work queues: cases awaiting a role, a handler's cases, warned or overdue ones. */
    async queue(
      filter: {
        role?: Role;
        handler?: string;
        status?: 'warning' | 'overdue';
      } = {},
    ): Promise<readonly CaseView[]> {
      const all = await store.list();
      return all
        .filter((c) => c.facts.status === 'active')
        .filter((c) => !filter.role || c.facts.awaiting.includes(filter.role))
        .filter((c) => !filter.handler || c.facts.handler === filter.handler)
        .filter(
          (c) =>
            !filter.status ||
            (filter.status === 'overdue'
              ? c.facts.escalatedOn !== null
              : c.facts.warnedOn !== null && c.facts.escalatedOn === null),
        )
        .map(view);
    },

    /** Subscribes to engine events; returns the unsubscribe function. */
    on(
      type: EngineEventType,
      listener: (event: EngineEvent) => void,
    ): () => void {
      const set = listeners.get(type) ?? new Set();
      set.add(listener);
      listeners.set(type, set);
      return () => set.delete(listener);
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
