/**
 * @kuaiban/calendar: Chinese working days done right. National holidays and
 * make-up workdays from the State Council's notices, local overlays, office
 * hours and statutory deadline clocks with lawful pauses and one extension.
 *
 * @packageDocumentation
 */
export {
  createChinaCalendar,
  nationalCalendarSource,
} from './createChinaCalendar.js';
export { defineCalendar, calendarFromJSON } from './defineCalendar.js';
export type { CalendarDefinitionInput } from './defineCalendar.js';
export { WorkCalendarOptionsSchema } from './WorkCalendar.js';
export type {
  BeyondData,
  CalendarSource,
  DayInfo,
  WorkCalendar,
  WorkCalendarOptions,
} from './WorkCalendar.js';
export type { DayKind, DayLabel, DayTable } from './DayTable.js';
export {
  CalendarDefinitionSchema,
  HolidayRangeSchema,
  MakeupWorkdaySchema,
  NationalCalendarDataSchema,
  NoticeSchema,
  YearArrangementSchema,
} from './calendarSchemas.js';
export type {
  CalendarDefinition,
  HolidayRange,
  MakeupWorkday,
  NationalCalendarData,
  Notice,
  YearArrangement,
} from './calendarSchemas.js';
export {
  createDeadlineClock,
  DeadlineExtensionSchema,
  DeadlinePauseSchema,
  DeadlineSpecSchema,
  PauseDetailsSchema,
} from './DeadlineClock.js';
export type {
  DeadlineClock,
  DeadlineExtension,
  DeadlinePause,
  DeadlineReading,
  DeadlineSpec,
  DeadlineStatus,
  DeadlineThreshold,
  ParsedDeadlineSpec,
  PauseDetails,
} from './DeadlineClock.js';
export {
  LAWFUL_PAUSE_BASIS,
  LAWFUL_PAUSE_REASONS,
  LawfulPauseReasonSchema,
} from './pauseReasons.js';
export type { LawfulPauseReason } from './pauseReasons.js';
export {
  createOfficeHours,
  OfficeHoursSchema,
  WorkingDurationSchema,
} from './OfficeHours.js';
export type {
  DateTimeInput,
  OfficeHours,
  OfficeHoursSpec,
  WorkingDuration,
} from './OfficeHours.js';
export {
  CHINA_ZONE,
  IsoDateSchema,
  addCalendarDays,
  dateInChina,
  formatEpochDay,
  tryParseIsoDate,
} from './civilDate.js';
export type { DateInput } from './civilDate.js';
export { withFields } from './withFields.js';
export type { WithFields } from './withFields.js';
export {
  KuaibanError,
  bilingual,
  isKuaibanError,
  parseWith,
  textMatching,
} from './KuaibanError.js';
export type {
  KuaibanErrorCode,
  KuaibanErrorOptions,
  ValidationIssue,
} from './KuaibanError.js';
