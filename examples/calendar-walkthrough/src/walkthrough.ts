import {
  createChinaCalendar,
  createDeadlineClock,
  createOfficeHours,
  defineCalendar,
  isKuaibanError,
} from '@kuaiban/calendar';

/**
 * A guided tour of @kuaiban/calendar: each step prints what a portal would
 * compute, with the rule from DOMAIN.md it follows.
 */
export function walkthrough(print: (line: string) => void): void {
  const calendar = createChinaCalendar();
  const step = (title: string): void => print(`\n== ${title}`);

  step('The national calendar 全国工作日历 (TIME-WORKDAY, TIME-CALENDAR-DATA)');
  print(
    `data ${calendar.coverage.first}..${calendar.coverage.last}, ${calendar.sources.length} State Council notices`,
  );
  for (const date of ['2025-10-03', '2025-10-11', '2026-02-14', '2026-02-16']) {
    const day = calendar.describe(date);
    const why = day.holiday
      ? ` (${day.kind} ${day.holiday.nameZh}, ${day.source})`
      : ` (${day.kind})`;
    print(
      `${date} is ${day.isWorkingDay ? 'a working day 工作日' : 'a day off 休息日'}${why}`,
    );
  }

  step('Counting starts the next day 次日起算 (TIME-NEXT-DAY)');
  print(
    `5 working days after 2025-09-30: ${calendar.addWorkingDays('2025-09-30', 5)} (National Day off, 10-11 worked)`,
  );
  print(
    `working days in (2025-09-30, 2025-10-14]: ${calendar.workingDaysBetween('2025-09-30', '2025-10-14')}`,
  );

  step(
    'One complete notice within 5 working days 一次性告知 (ALL-32-NOTICE-5D)',
  );
  const received = '2026-02-12';
  print(
    `materials received ${received}: notice due by ${calendar.addWorkingDays(received, 5)}, or the application counts as accepted`,
  );

  step(
    'Decision within 20 working days, paused and extended 限时办结 (ALL-42-DECIDE-20D, TIME-EXCLUDED)',
  );
  let clock = createDeadlineClock(calendar, {
    start: '2025-09-26',
    days: 20,
    basis: '行政许可法 art. 42',
  });
  print(`accepted 2025-09-26: decide by ${clock.dueDate}`);
  clock = clock
    .pause('2025-10-09', { reason: 'expert-review' })
    .resume('2025-10-15');
  print(
    `expert review 专家评审 2025-10-09..10-15 is not counted: decide by ${clock.dueDate}`,
  );
  clock = clock.extend({
    days: 10,
    reason: '情况复杂，经本机关负责人批准',
    grantedOn: '2025-10-30',
  });
  print(`extended once by 10 working days: decide by ${clock.dueDate}`);
  for (const date of ['2025-10-12', '2025-11-18', '2025-11-20', '2025-11-24']) {
    const reading = clock.at(date);
    print(
      `  on ${date}: ${reading.status}, ${reading.usedDays} used, ${reading.remainingDays} left`,
    );
  }
  try {
    clock.extend({ days: 5, reason: 'again' });
  } catch (error) {
    if (isKuaibanError(error))
      print(`a second extension is refused: ${error.code} ${error.messageZh}`);
  }

  step('Promised in working hours 按工作时计 (office hours)');
  const hours = createOfficeHours(calendar, {
    sessions: [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
  });
  print(
    `2 working hours from 2025-09-30T16:30: ${hours.addWorkingTime('2025-09-30T16:30', { hours: 2 })}`,
  );

  step('A local calendar over the national one 地方日历');
  const county = defineCalendar({
    id: 'example-county',
    name: 'Example county',
    nameZh: '示例县',
    basis: '示例县人民政府关于民族传统节日放假的规定 (example)',
    holidays: [
      {
        name: 'Local festival',
        nameZh: '地方传统节日',
        from: '2025-10-09',
        to: '2025-10-09',
      },
    ],
  });
  print(
    `5 working days after 2025-09-30 in ${county.nameZh}: ${county.addWorkingDays('2025-09-30', 5)}`,
  );

  step('Never a silent guess 不做推测 (TIME-CALENDAR-DATA)');
  try {
    calendar.addWorkingDays('2026-12-20', 20);
  } catch (error) {
    if (isKuaibanError(error)) print(`${error.code}: ${error.message}`);
  }
  const estimating = createChinaCalendar({ beyondData: 'weekdays' });
  const estimate = estimating.addWorkingDays('2026-12-20', 20);
  print(
    `opting in to weekdays beyond the data: ${estimate} (estimated: ${estimating.isEstimated(estimate)})`,
  );
}
