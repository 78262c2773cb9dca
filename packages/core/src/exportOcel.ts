import { KuaibanError } from '@kuaiban/calendar';
import type { Role } from '@kuaiban/machines';
import { z } from 'zod';
import type { AuditEntry } from './auditTrail.js';
import type { CaseHistory } from './exportLogs.js';
import { checkHistories, stateText } from './exportLogs.js';

const OcelTypeSchema = z.strictObject({
  name: z.string(),
  attributes: z.array(
    z.strictObject({
      name: z.string(),
      type: z.enum(['string', 'time', 'integer', 'float', 'boolean']),
    }),
  ),
});

const OcelRelationshipSchema = z.strictObject({
  objectId: z.string(),
  qualifier: z.string(),
});

/**
 * An OCEL 2.0 JSON log (ocel-standard.org/2.0/ocel20-schema-json.json):
 * object types, event types, objects and events, with qualified
 * event-to-object relationships. Attribute values are strings, as the
 * published schema requires.
 */
export const OcelLogSchema = z.strictObject({
  objectTypes: z.array(OcelTypeSchema),
  eventTypes: z.array(OcelTypeSchema),
  objects: z.array(
    z.strictObject({
      id: z.string(),
      type: z.string(),
      attributes: z.array(
        z.strictObject({
          name: z.string(),
          value: z.string(),
          time: z.string(),
        }),
      ),
      relationships: z.array(OcelRelationshipSchema),
    }),
  ),
  events: z.array(
    z.strictObject({
      id: z.string(),
      type: z.string(),
      time: z.string(),
      attributes: z.array(
        z.strictObject({ name: z.string(), value: z.string() }),
      ),
      relationships: z.array(OcelRelationshipSchema),
    }),
  ),
});
export type OcelLog = z.infer<typeof OcelLogSchema>;
type OcelObject = OcelLog['objects'][number];
type OcelEvent = OcelLog['events'][number];

/** The time OCEL gives attributes that hold from the start (spec, sec. 7). */
const FROM_THE_START = '1970-01-01T00:00:00Z';

const EVENT_ATTRIBUTES = ['commandId', 'reason', 'state'] as const;

const OBJECT_TYPES: OcelLog['objectTypes'] = [
  { name: 'case', attributes: [{ name: 'item', type: 'string' }] },
  { name: 'officer', attributes: [{ name: 'department', type: 'string' }] },
  { name: 'applicant', attributes: [] },
  { name: 'system', attributes: [] },
];

function actorType(role: Role): string {
  return role === 'applicant' || role === 'system' ? role : 'officer';
}

function eventOf(entry: AuditEntry): OcelEvent {
  const values = {
    commandId: entry.commandId,
    reason: entry.reason,
    state: stateText(entry.state),
  };
  return {
    id: `${entry.caseId}:${entry.sequence}`,
    type: entry.command.type,
    time: entry.at,
    attributes: EVENT_ATTRIBUTES.flatMap((name) => {
      const value = values[name];
      return value === null ? [] : [{ name, value }];
    }),
    relationships: [
      { objectId: entry.caseId, qualifier: 'case' },
      { objectId: entry.actor.id, qualifier: entry.actor.role },
    ],
  };
}

/** Adds the actor, or a change of its department, to the objects. */
function noteActor(
  actors: Map<string, OcelObject>,
  entry: AuditEntry,
  caseIds: ReadonlySet<string>,
): void {
  const { id, role, department } = entry.actor;
  if (caseIds.has(id)) {
    throw new KuaibanError({
      code: 'INVALID_ARGUMENT',
      message: `The id ${id} names both a case and an actor; OCEL object ids must be unique`,
      messageZh: `${id} 既是办件编号又是办理人编号；OCEL 对象编号必须唯一`,
      details: { id },
    });
  }
  let actor = actors.get(id);
  if (actor === undefined) {
    actor = { id, type: actorType(role), attributes: [], relationships: [] };
    actors.set(id, actor);
  }
  if (actor.type !== 'officer' || department === undefined) return;
  const last = actor.attributes.at(-1);
  if (last?.value !== department) {
    actor.attributes.push({
      name: 'department',
      value: department,
      time: entry.at,
    });
  }
}

/**
 * Case histories as an OCEL 2.0 object-centric log. Objects are the cases
 * (type `case`, attribute `item`) and the actors (types `officer`, with the
 * department they acted for over time, `applicant` and `system`); each entry
 * is an event `${caseId}:${sequence}` of the command's type, with
 * `commandId`, `reason` and `state` attributes, related to its case
 * (qualifier `case`) and to its actor (qualified by the role it acted in).
 *
 * @example
 * const log = toOcel([{ caseId: 'case-1', itemId: 'business-licence', entries }]);
 * log.events[0]?.relationships;
 * // [{ objectId: 'case-1', qualifier: 'case' },
 * //  { objectId: 'officer-chen', qualifier: 'window-officer' }]
 */
export function toOcel(histories: readonly CaseHistory[]): OcelLog {
  checkHistories(histories);
  const caseIds = new Set(histories.map((history) => history.caseId));
  const eventTypes = new Map<string, OcelLog['eventTypes'][number]>();
  const actors = new Map<string, OcelObject>();
  const events: OcelEvent[] = [];
  for (const history of histories) {
    for (const entry of history.entries) {
      const type = entry.command.type;
      if (!eventTypes.has(type)) {
        const attributes = EVENT_ATTRIBUTES.map((name) => ({
          name,
          type: 'string' as const,
        }));
        eventTypes.set(type, { name: type, attributes });
      }
      noteActor(actors, entry, caseIds);
      events.push(eventOf(entry));
    }
  }
  const cases = histories.map((history): OcelObject => ({
    id: history.caseId,
    type: 'case',
    attributes: [{ name: 'item', value: history.itemId, time: FROM_THE_START }],
    relationships: [],
  }));
  return {
    objectTypes: OBJECT_TYPES.map((type) => ({
      name: type.name,
      attributes: type.attributes.map((attribute) => ({ ...attribute })),
    })),
    eventTypes: [...eventTypes.values()],
    objects: [...cases, ...actors.values()],
    events,
  };
}
