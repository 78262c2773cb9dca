import { tryParseIsoDate } from './civilDate.js';
import type {
  CalendarDefinition,
  ParsedCalendarDefinition,
} from './calendarSchemas.js';
import { CalendarDefinitionSchema } from './calendarSchemas.js';
import { createChinaCalendar } from './createChinaCalendar.js';
import { OverrideCollector } from './DayTable.js';
import { KuaibanError, parseWith } from './KuaibanError.js';
import type { WorkCalendar, WorkCalendarOptions } from './WorkCalendar.js';
import { DayCalendar, asDayCalendar } from './WorkCalendar.js';

/** A calendar definition whose base may also be a calendar object. */
export type CalendarDefinitionInput = Omit<CalendarDefinition, 'base'> & {
  readonly base?: CalendarDefinition['base'] | WorkCalendar;
};

/**
 * A local calendar: regional holidays and workdays over the national
 * calendar (or over another calendar), or a calendar of its own with
 * `base: null`. Every entry is validated; problems come back together, each
 * with its path.
 *
 * @example
 * const county = defineCalendar({
 *   id: 'example-county',
 *   name: 'Example county',
 *   nameZh: '示例县',
 *   basis: '示例县人民政府关于民族节日放假的规定',
 *   holidays: [
 *     { name: 'Local festival', nameZh: '地方节日', from: '2025-04-01', to: '2025-04-01' },
 *   ],
 * });
 * county.isWorkingDay('2025-04-01'); // false
 */
export function defineCalendar(
  definition: CalendarDefinitionInput,
  options?: WorkCalendarOptions,
): WorkCalendar {
  const base: unknown = isRecord(definition) ? definition.base : undefined;
  const baseCalendar = isRecord(base)
    ? asDayCalendar(base as unknown as WorkCalendar)
    : undefined;
  const parsed: ParsedCalendarDefinition = parseWith(
    CalendarDefinitionSchema,
    baseCalendar ? { ...definition, base: 'cn-national' } : definition,
    {
      code: 'INVALID_CALENDAR',
      what: 'calendar definition',
      whatZh: '日历定义',
    },
  );
  const under =
    baseCalendar ??
    (parsed.base === null ? undefined : asDayCalendar(createChinaCalendar()));
  const table = under?.source.table;
  const span = table ?? coverageSpan(parsed);
  const weekend = table?.weekend ?? new Set(parsed.weekend ?? [6, 7]);
  const collector = new OverrideCollector(weekend, span, table?.overrides);
  const source = (entry: { basis?: string | undefined }): string =>
    entry.basis ?? parsed.basis;
  collector.addHolidays(parsed.holidays, source, ['holidays']);
  collector.addWorkdays(parsed.workdays, source, ['workdays']);
  collector.assertValid(parsed.id);
  return new DayCalendar(
    {
      id: parsed.id,
      name: parsed.name,
      nameZh: parsed.nameZh,
      sources: under?.sources ?? [],
      table: {
        first: span.first,
        last: span.last,
        weekend,
        overrides: collector.overrides,
      },
    },
    // Without options of its own, a calendar keeps its base's.
    options ?? { beyondData: under?.beyondData ?? 'error' },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coverageSpan(definition: ParsedCalendarDefinition): {
  first: number;
  last: number;
} {
  // The schema requires coverage when there is no base.
  const coverage = definition.coverage ?? { from: '', to: '' };
  return {
    first: tryParseIsoDate(coverage.from) ?? NaN,
    last: tryParseIsoDate(coverage.to) ?? NaN,
  };
}

/**
 * A local calendar from JSON text (or an already parsed value), validated as
 * in {@link defineCalendar}. Malformed JSON is an `INVALID_CALENDAR` error.
 */
export function calendarFromJSON(
  json: unknown,
  options?: WorkCalendarOptions,
): WorkCalendar {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new KuaibanError({
        code: 'INVALID_CALENDAR',
        message: `Calendar JSON is malformed: ${reason}`,
        messageZh: `日历 JSON 格式错误：${reason}`,
        cause,
      });
    }
  }
  return defineCalendar(value as CalendarDefinitionInput, options);
}
