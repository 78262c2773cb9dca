import {
  KuaibanError,
  bilingual,
  dateInChina,
  parseWith,
} from '@kuaiban/calendar';
import { z } from 'zod';

/** One event of a case, as the conformance checks read it. */
export interface LogEvent {
  readonly sequence: number;
  /** ISO 8601 date-time with offset. */
  readonly at: string;
  /** The date in Asia/Shanghai (YYYY-MM-DD). */
  readonly date: string;
  readonly activity: string;
  readonly actor: string;
  readonly role: string;
  /** The case's state after the event, as text (`null` when not logged). */
  readonly state: string | null;
  readonly reason: string | null;
  /** The actor's department, where the log gives it (XES `org:group`). */
  readonly department: string | null;
  /** The whole command, when the log is the engine's full audit trail. */
  readonly command: Readonly<Record<string, unknown>> | null;
}

/** One case of a log: its events in sequence order. */
export interface CaseTrace {
  readonly caseId: string;
  readonly itemId: string;
  readonly events: readonly LogEvent[];
}

/** A case log: every case it holds, in the order first seen. */
export interface CaseLog {
  readonly cases: readonly CaseTrace[];
}

const Text = z.string().min(1);
const Moment = z.iso.datetime({ offset: true });
const State = z.unknown();

/** The state as text: a state name as it is, a nested state value as JSON. */
const stateText = (state: unknown): string | null =>
  state === null || state === undefined
    ? null
    : typeof state === 'string'
      ? state
      : JSON.stringify(state);

/** A line as `toJsonl` writes it. */
const ExportLineSchema = z.object({
  caseId: Text,
  itemId: Text,
  sequence: z.int().min(1),
  at: Moment,
  activity: Text,
  actor: Text,
  role: Text,
  state: State,
  commandId: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  department: Text.optional(),
});

/** A line holding a whole audit entry (the engine's history), with its item. */
const EntryLineSchema = z.object({
  caseId: Text,
  itemId: Text,
  sequence: z.int().min(1),
  at: Moment,
  actor: z.object({ id: Text, role: Text, department: Text.optional() }),
  command: z.looseObject({ type: Text }),
  state: State,
  reason: z.string().nullable().optional(),
});

/** The Shanghai date of a moment; the common `+08:00` case without parsing. */
export function chinaDate(at: string): string {
  return at.endsWith('+08:00') ? at.slice(0, 10) : dateInChina(at);
}

function invalid(
  where: string,
  whereZh: string,
  problem: string,
): KuaibanError {
  return new KuaibanError({
    code: 'INVALID_CASE_LOG',
    message: `Invalid case log at ${where}: ${problem}`,
    messageZh: `案例日志 ${whereZh} 无效：${problem}`,
    details: { where },
  });
}

function collect(events: Iterable<[string, string, LogEvent]>): CaseLog {
  const byCase = new Map<string, { itemId: string; events: LogEvent[] }>();
  for (const [caseId, itemId, event] of events) {
    let trace = byCase.get(caseId);
    if (!trace) {
      trace = { itemId, events: [] };
      byCase.set(caseId, trace);
    }
    if (trace.itemId !== itemId) {
      throw invalid(
        `case ${caseId}`,
        `办件 ${caseId}`,
        `listed under items ${trace.itemId} and ${itemId}`,
      );
    }
    const last = trace.events.at(-1);
    if (last && event.sequence <= last.sequence) {
      throw invalid(
        `case ${caseId}, sequence ${event.sequence}`,
        `办件 ${caseId} 序号 ${event.sequence}`,
        `events out of sequence order (${event.sequence} after ${last.sequence})`,
      );
    }
    trace.events.push(event);
  }
  return {
    cases: [...byCase].map(([caseId, { itemId, events: list }]) => ({
      caseId,
      itemId,
      events: list,
    })),
  };
}

/**
 * Reads a case log in JSON Lines: the lines `toJsonl` writes, or whole audit
 * entries with `caseId` and `itemId`. A bad line is `INVALID_CASE_LOG`
 * naming its line number and what is wrong.
 */
export function readJsonl(text: string): CaseLog {
  const lines = text.split('\n');
  function* events(): Generator<[string, string, LogEvent]> {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]?.trim() ?? '';
      if (line === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (cause) {
        throw invalid(
          `line ${i + 1}`,
          `第 ${i + 1} 行`,
          `not JSON (${(cause as Error).message})`,
        );
      }
      const value = parseWith(
        typeof (json as { command?: unknown } | null)?.command === 'object'
          ? EntryLineSchema
          : ExportLineSchema,
        json,
        {
          code: 'INVALID_CASE_LOG',
          what: `case log at line ${i + 1}`,
          whatZh: `案例日志第 ${i + 1} 行`,
        },
      );
      const entry = 'command' in value;
      yield [
        value.caseId,
        value.itemId,
        {
          sequence: value.sequence,
          at: value.at,
          date: chinaDate(value.at),
          activity: entry ? value.command.type : value.activity,
          actor: entry ? value.actor.id : value.actor,
          role: entry ? value.actor.role : value.role,
          state: stateText(value.state),
          reason: value.reason ?? null,
          department:
            (entry ? value.actor.department : value.department) ?? null,
          command: entry ? value.command : null,
        },
      ];
    }
  }
  return collect(events());
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const unescape = (text: string): string =>
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#'))
      return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });

const ATTRIBUTE =
  /<(string|date|int|float|boolean)\s+key="([^"]*)"\s+value="([^"]*)"\s*\/>/g;

function attributes(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of block.matchAll(ATTRIBUTE)) {
    out.set(unescape(match[2] ?? ''), unescape(match[3] ?? ''));
  }
  return out;
}

const XesEventSchema = z.object({
  'concept:name': Text,
  'time:timestamp': Moment,
  'org:resource': Text,
  'org:role': Text,
  sequence: z
    .string()
    .regex(/^\d+$/, bilingual('Expected a sequence number', '应为序号')),
});

/**
 * Reads an XES log as `toXes` writes it (IEEE 1849-2016): one trace per case
 * with `concept:name` and `itemId`, events with `concept:name`,
 * `time:timestamp`, `org:resource`, `org:role`, `org:group`, `sequence`,
 * `state` and `reason`.
 */
export function readXes(text: string): CaseLog {
  if (!/<log[\s>]/.test(text)) {
    throw invalid('the document', '文档', 'no <log> element');
  }
  function* events(): Generator<[string, string, LogEvent]> {
    let t = 0;
    for (const trace of text.matchAll(/<trace>([\s\S]*?)<\/trace>/g)) {
      t++;
      const body = trace[1] ?? '';
      const head = attributes(body.replace(/<event>[\s\S]*?<\/event>/g, ''));
      const caseId = head.get('concept:name');
      const itemId = head.get('itemId');
      if (!caseId || !itemId) {
        throw invalid(
          `trace ${t}`,
          `第 ${t} 条轨迹`,
          'missing concept:name or itemId',
        );
      }
      let e = 0;
      for (const event of body.matchAll(/<event>([\s\S]*?)<\/event>/g)) {
        e++;
        const values = attributes(event[1] ?? '');
        const parsed = parseWith(XesEventSchema, Object.fromEntries(values), {
          code: 'INVALID_CASE_LOG',
          what: `case log at trace ${caseId}, event ${e}`,
          whatZh: `案例日志轨迹 ${caseId} 第 ${e} 个事件`,
        });
        const at = parsed['time:timestamp'];
        yield [
          caseId,
          itemId,
          {
            sequence: Number(parsed.sequence),
            at,
            date: chinaDate(at),
            activity: parsed['concept:name'],
            actor: parsed['org:resource'],
            role: parsed['org:role'],
            state: values.get('state') ?? null,
            reason: values.get('reason') ?? null,
            department: values.get('org:group') ?? null,
            command: null,
          },
        ];
      }
    }
  }
  return collect(events());
}

/** Reads a case log in either format: XES when it starts with `<`, JSON Lines otherwise. */
export function readCaseLog(text: string): CaseLog {
  return text.trimStart().startsWith('<') ? readXes(text) : readJsonl(text);
}
