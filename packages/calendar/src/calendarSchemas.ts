import { z } from 'zod';
import { IsoDateSchema, tryParseIsoDate } from './civilDate.js';
import { bilingual } from './KuaibanError.js';

const Text = z.string().trim().min(1);

/** An official announcement a calendar's data rests on. */
export const NoticeSchema = z.strictObject({
  title: Text,
  /** Document number, e.g. `国办发明电〔2025〕7号`. */
  number: Text,
  issuer: Text,
  signed: IsoDateSchema,
  published: IsoDateSchema,
  url: z.url(),
  summary: Text.optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Days off, as announced (放假): weekends inside the range included. */
export const HolidayRangeSchema = z
  .strictObject({
    name: Text,
    nameZh: Text,
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** Legal basis, where the calendar's own basis does not cover it. */
    basis: Text.optional(),
  })
  .refine(
    (range) => range.from <= range.to,
    bilingual('"from" must not be after "to"', '“from” 不得晚于 “to”'),
  );
export type HolidayRange = z.infer<typeof HolidayRangeSchema>;

/** A weekend day announced as a working day (调休上班). */
export const MakeupWorkdaySchema = z.strictObject({
  date: IsoDateSchema,
  /** The holiday this working day makes up for. */
  nameZh: Text,
  basis: Text.optional(),
});
export type MakeupWorkday = z.infer<typeof MakeupWorkdaySchema>;

/** ISO weekdays (1 = Monday … 7 = Sunday) that are rest days by default. */
export const WeekendSchema = z
  .array(z.number().int().min(1).max(7))
  .max(6)
  .refine(
    (days) => new Set(days).size === days.length,
    bilingual('weekend days must not repeat', '周末日不得重复'),
  );

/** One year's arrangement, from the notice that announced it. */
export const YearArrangementSchema = z
  .strictObject({
    year: z.number().int().min(1949).max(9999),
    notice: NoticeSchema,
    amendments: z.array(NoticeSchema).optional(),
    holidays: z.array(HolidayRangeSchema),
    workdays: z.array(MakeupWorkdaySchema),
  })
  .superRefine((arrangement, ctx) => {
    // A notice may reach back into the previous December (2012's New Year
    // make-up workday was 2011-12-31), never further.
    const earliest = `${arrangement.year - 1}-12-01`;
    const latest = `${arrangement.year}-12-31`;
    const outside = (date: string): boolean => date < earliest || date > latest;
    arrangement.holidays.forEach((range, index) => {
      if (outside(range.from) || outside(range.to)) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index],
          ...bilingual(
            `holiday ${range.from}..${range.to} lies outside ${earliest}..${latest}`,
            `假日 ${range.from}..${range.to} 不在 ${earliest}..${latest} 之内`,
          ),
        });
      }
    });
    arrangement.workdays.forEach((workday, index) => {
      if (outside(workday.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', index, 'date'],
          ...bilingual(
            `make-up workday ${workday.date} lies outside ${earliest}..${latest}`,
            `调休上班日 ${workday.date} 不在 ${earliest}..${latest} 之内`,
          ),
        });
      }
    });
  });
export type YearArrangement = z.infer<typeof YearArrangementSchema>;

/** The national calendar data file: one arrangement per year, no gaps. */
export const NationalCalendarDataSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Text,
    name: Text,
    nameZh: Text,
    zone: z.literal('Asia/Shanghai'),
    weekend: WeekendSchema,
    basis: Text,
    years: z.array(YearArrangementSchema).min(1),
  })
  .superRefine((data, ctx) => {
    data.years.forEach((arrangement, index) => {
      const previous = data.years[index - 1];
      if (previous && arrangement.year !== previous.year + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', index, 'year'],
          ...bilingual(
            `years must be consecutive: ${arrangement.year} follows ${previous.year}`,
            `年份必须连续：${previous.year} 之后是 ${arrangement.year}`,
          ),
        });
      }
    });
  });
export type NationalCalendarData = z.infer<typeof NationalCalendarDataSchema>;

const MAX_COVERAGE_YEARS = 200;

const CoverageSchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .refine(
    (coverage) => coverage.from <= coverage.to,
    bilingual('"from" must not be after "to"', '“from” 不得晚于 “to”'),
  )
  .refine(
    (coverage) =>
      Number(coverage.to.slice(0, 4)) - Number(coverage.from.slice(0, 4)) <
      MAX_COVERAGE_YEARS,
    bilingual(
      `a calendar covers at most ${MAX_COVERAGE_YEARS} years`,
      `日历最多覆盖 ${MAX_COVERAGE_YEARS} 年`,
    ),
  );

/**
 * A local calendar as data (JSON-serialisable): regional holidays and
 * workdays over the national calendar (`base: "cn-national"`), or a calendar
 * of its own (`base: null`, with `coverage`).
 */
export const CalendarDefinitionSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Text,
    name: Text,
    nameZh: Text,
    /** The regulation or notice that sets these days (e.g. a provincial rule). */
    basis: Text,
    base: z.union([z.literal('cn-national'), z.null()]).default('cn-national'),
    coverage: CoverageSchema.optional(),
    weekend: WeekendSchema.optional(),
    holidays: z.array(HolidayRangeSchema).default([]),
    workdays: z.array(MakeupWorkdaySchema).default([]),
  })
  .superRefine((definition, ctx) => {
    if (definition.base === null && !definition.coverage) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage'],
        ...bilingual(
          'a calendar without a base must state its coverage (from, to)',
          '不基于全国日历的日历必须给出覆盖范围（from、to）',
        ),
      });
    }
    if (definition.base !== null && definition.coverage) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage'],
        ...bilingual(
          'an overlay covers what its base covers; define the calendar with base null to set coverage',
          '叠加日历的覆盖范围与基础日历相同；如需自定范围，请将 base 设为 null 另行定义',
        ),
      });
    }
    if (definition.base !== null && definition.weekend) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekend'],
        ...bilingual(
          'an overlay keeps the weekend of its base; define the calendar with base null to change it',
          '叠加日历沿用基础日历的周末；如需更改，请将 base 设为 null 另行定义',
        ),
      });
    }
  });
export type CalendarDefinition = z.input<typeof CalendarDefinitionSchema>;
export type ParsedCalendarDefinition = z.output<
  typeof CalendarDefinitionSchema
>;

/** Both dates of a range as epoch days (schemas guarantee they parse). */
export function rangeEpochDays(range: {
  from: string;
  to: string;
}): [number, number] {
  return [tryParseIsoDate(range.from) ?? NaN, tryParseIsoDate(range.to) ?? NaN];
}
