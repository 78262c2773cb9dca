import type { AuditEntry, CaseHistory, ItemDefinition } from '@kuaiban/core';
import { appendEntry, toJsonl, toOcel, toXes } from '@kuaiban/core';
import type { OcelLog } from '@kuaiban/core';
import type { CaseTrace } from './caseTrace.js';
import { partyFor } from './checkFidelity.js';
import { SIMULATED_OFFICERS } from './caseCodes.js';

/**
 * Simulated cases as case histories: the same hash-chained audit entries
 * the engine writes (SUBMIT first, then each command with its moment, its
 * sender and the state after it; wake-ups as the scheduler's TICKs), so the
 * exporters for real cases take them unchanged.
 */
export function simulatedHistories(
  item: ItemDefinition,
  traces: readonly CaseTrace[],
): CaseHistory[] {
  return traces.map((trace) => {
    const entries: AuditEntry[] = [];
    let last: AuditEntry | null = null;
    const push = (draft: Parameters<typeof appendEntry>[1]) => {
      last = appendEntry(last, draft);
      entries.push(last);
    };
    const applicant = {
      id: SIMULATED_OFFICERS.applicant,
      role: 'applicant' as const,
    };
    push({
      caseId: trace.caseId,
      at: `${trace.submittedAt}:00.000+08:00`,
      actor: applicant,
      command: { type: 'SUBMIT', itemId: item.id, route: trace.route },
      commandId: null,
      reason: null,
      state: 'submitted',
    });
    for (const step of trace.steps) {
      const at = `${step.at}:00.000+08:00`;
      if ('type' in step) {
        const actor = partyFor(item, step);
        const reason = step.fields.reason;
        push({
          caseId: trace.caseId,
          at,
          actor,
          command: {
            type: step.type,
            actor,
            at: step.at.slice(0, 10),
            ...step.fields,
          },
          commandId: null,
          reason: typeof reason === 'string' ? reason : null,
          state: step.state,
        });
      } else {
        const actor = {
          id: SIMULATED_OFFICERS.system,
          role: 'system' as const,
        };
        push({
          caseId: trace.caseId,
          at,
          actor,
          command: { type: 'TICK', actor, at: step.at.slice(0, 10) },
          commandId: null,
          reason: step.what,
          state: step.state,
        });
      }
    }
    return { caseId: trace.caseId, itemId: item.id, entries };
  });
}

const csvField = (value: unknown): string => {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The JSON Lines case log (`toJsonl`) as CSV, one row per event, with the same columns. */
export function jsonlToCsv(jsonl: string): string {
  const rows = jsonl
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const columns = [
    'caseId',
    'itemId',
    'sequence',
    'at',
    'activity',
    'actor',
    'role',
    'state',
    'commandId',
    'reason',
  ];
  return `${[columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))].join('\n')}\n`;
}

/** Event logs of simulated cases in every format core exports real ones in, and CSV. */
export interface SimulatedEventLogs {
  readonly xes: string;
  readonly ocel: OcelLog;
  readonly jsonl: string;
  readonly csv: string;
}

/**
 * Event logs of the recorded simulated cases: XES, OCEL 2.0 JSON, JSON
 * Lines (through core's `toXes`, `toOcel`, `toJsonl`) and CSV.
 *
 * @example
 * const logs = simulatedEventLogs(simulation.model.item, simulation.traces);
 * logs.xes.startsWith('<?xml'); // true
 */
export function simulatedEventLogs(
  item: ItemDefinition,
  traces: readonly CaseTrace[],
): SimulatedEventLogs {
  const histories = simulatedHistories(item, traces);
  const jsonl = toJsonl(histories);
  return {
    xes: toXes(histories),
    ocel: toOcel(histories),
    jsonl,
    csv: jsonlToCsv(jsonl),
  };
}
