import { describe, expect, it } from 'vitest';
import type { KuaibanRun } from './support/runKuaiban.js';
import { runKuaiban } from './support/runKuaiban.js';
import { ExitCode } from '../src/index.js';

const localCalendar = JSON.stringify({
  id: 'example-county',
  name: 'Example county',
  nameZh: '示例县',
  basis: '示例县人民政府关于民族传统节日放假的规定',
  holidays: [
    {
      name: 'Local festival',
      nameZh: '地方传统节日',
      from: '2025-10-09',
      to: '2025-10-09',
    },
  ],
});

const kuaiban = (...argv: string[]): Promise<KuaibanRun> =>
  runKuaiban(argv, {
    files: { 'county.json': localCalendar, 'broken.json': '{"id": ' },
  });

describe('kuaiban calendar is-workday', () => {
  it('TIME-WORKDAY: prints true for a make-up Saturday and false for a holiday', async () => {
    expect(await kuaiban('calendar', 'is-workday', '2025-10-11')).toEqual({
      code: 0,
      stdout: 'true\n',
      stderr: '',
    });
    expect((await kuaiban('calendar', 'is-workday', '2025-10-03')).stdout).toBe(
      'false\n',
    );
  });

  it('prints the day with --json', async () => {
    const { stdout } = await kuaiban(
      'calendar',
      'is-workday',
      '2025-10-03',
      '--json',
    );
    expect(JSON.parse(stdout)).toMatchObject({
      calendar: 'cn-national',
      date: '2025-10-03',
      isWorkingDay: false,
      kind: 'holiday',
      holiday: { nameZh: '中秋节、国庆节' },
      source: '国办发明电〔2024〕12号',
    });
  });
});

describe('kuaiban calendar add', () => {
  it('TIME-NEXT-DAY: 5 working days after 2025-09-30 is 2025-10-14', async () => {
    expect(await kuaiban('calendar', 'add', '2025-09-30', '5')).toEqual({
      code: 0,
      stdout: '2025-10-14\n',
      stderr: '',
    });
  });

  it('counts backwards and prints JSON', async () => {
    const { stdout } = await kuaiban(
      'calendar',
      'add',
      '2025-10-14',
      '-5',
      '--json',
    );
    expect(JSON.parse(stdout)).toEqual({
      calendar: 'cn-national',
      date: '2025-10-14',
      n: -5,
      result: '2025-09-30',
      estimated: false,
    });
  });

  it('uses a local calendar file', async () => {
    const { stdout } = await kuaiban(
      'calendar',
      'add',
      '2025-09-30',
      '5',
      '--calendar',
      'county.json',
    );
    expect(stdout).toBe('2025-10-15\n');
  });

  it('TIME-CALENDAR-DATA: estimates beyond the data only when asked, and says so', async () => {
    const refused = await kuaiban('calendar', 'add', '2026-12-30', '3');
    expect(refused.code).toBe(ExitCode.badInput);
    expect(refused.stderr).toContain('CALENDAR_OUT_OF_RANGE');
    const estimated = await kuaiban(
      'calendar',
      'add',
      '2026-12-30',
      '3',
      '--beyond-data',
    );
    expect(estimated).toMatchObject({ code: 0, stdout: '2027-01-04\n' });
    expect(estimated.stderr).toContain('estimated');
  });
});

describe('kuaiban calendar between', () => {
  it('counts working days in (from, to]', async () => {
    expect(
      (await kuaiban('calendar', 'between', '2025-09-30', '2025-10-14')).stdout,
    ).toBe('5\n');
    expect(
      (await kuaiban('calendar', 'between', '2025-10-14', '2025-09-30')).stdout,
    ).toBe('-5\n');
    const { stdout } = await kuaiban(
      'calendar',
      'between',
      '2025-09-30',
      '2025-10-14',
      '--json',
    );
    expect(JSON.parse(stdout)).toMatchObject({
      workingDays: 5,
      estimated: false,
    });
  });
});

describe('kuaiban calendar deadline', () => {
  const args = [
    'calendar',
    'deadline',
    '--start',
    '2025-09-26',
    '--days',
    '20',
  ];

  it('ALL-42-DECIDE-20D: prints the due date, thresholds and the reading', async () => {
    const { code, stdout } = await kuaiban(
      ...args,
      '--pause',
      '2025-10-09..2025-10-15',
      '--extend',
      '10',
      '--at',
      '2025-11-18',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('2025-11-20 Thu 周四');
    expect(stdout).toContain('expert-review 专家评审');
    expect(stdout).toContain('warning: 28 used 已用, 2 left 剩余');
  });

  it('TIME-EXCLUDED: takes repeatable pauses with lawful reasons, as JSON', async () => {
    const { stdout } = await kuaiban(
      ...args,
      '--pause',
      '2025-10-09..2025-10-10@hearing',
      '--pause',
      '2025-10-20..2025-10-21',
      '--pause-reason',
      'testing',
      '--json',
    );
    const result = JSON.parse(stdout) as {
      pauses: { reason: string }[];
      dueDate: string;
    };
    expect(result.pauses.map((p) => p.reason)).toEqual(['hearing', 'testing']);
    // 20 working days from 09-26 end on 10-30; the pauses take out 10-10
    // and 10-21.
    expect(result.dueDate).toBe('2025-11-03');
  });

  it('shows an open pause as not yet known', async () => {
    const { stdout } = await kuaiban(
      ...args,
      '--pause',
      '2025-10-09..',
      '--at',
      '2025-10-20',
    );
    expect(stdout).toContain('not known while paused');
    expect(stdout).toContain('paused: 4 used 已用, 16 left 剩余');
  });

  it('counts calendar days on request', async () => {
    const { stdout } = await kuaiban(...args, '--calendar-days', '--json');
    expect(JSON.parse(stdout)).toMatchObject({
      unit: 'calendar-days',
      dueDate: '2025-10-16',
    });
  });

  it('TIME-EXCLUDED: refuses a pause reason the law does not list', async () => {
    for (const reason of ['lunch', 'custom']) {
      const run = await kuaiban(
        ...args,
        '--pause',
        `2025-10-09..2025-10-10@${reason}`,
      );
      expect(run.code).toBe(ExitCode.badInput);
      expect(run.stderr).toContain(
        '--pause #1: The reason must be one of ALL art. 45',
      );
      expect(run.stderr).toContain('第四十五条');
    }
  });

  it('reports how late an overdue case is', async () => {
    const { stdout } = await kuaiban(...args, '--at', '2025-11-03');
    expect(stdout).toContain(
      'overdue: 20 used 已用, 0 left 剩余, overdue 逾期 4 days 日 (2 working days 工作日)',
    );
  });

  it('gives a due date on the last day of the data', async () => {
    const run = await kuaiban(
      'calendar',
      'deadline',
      '--start',
      '2026-12-24',
      '--days',
      '5',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      dueDate: '2026-12-31',
      overdueFrom: '2027-01-01',
    });
  });
});

describe('bad input: exit code 2 and a message that says what and where', () => {
  it.each([
    [['calendar', 'add', '2025-02-30', '5'], 'INVALID_DATE'],
    [['calendar', 'add', 'tomorrow', '5'], 'INVALID_DATE'],
    [['calendar', 'add', '2025-02-03', 'five'], '<n>: Expected a whole number'],
    [['calendar', 'is-workday', '2031-05-06'], 'CALENDAR_OUT_OF_RANGE'],
    [
      ['calendar', 'deadline', '--start', '2025-02-03', '--days', '0'],
      '--days: Expected a positive whole number',
    ],
    [
      [
        'calendar',
        'deadline',
        '--start',
        '2025-02-03',
        '--days',
        '5',
        '--pause',
        '5 feb',
      ],
      '--pause #1',
    ],
    [
      ['calendar', 'deadline', '--days', '5'],
      "required option '--start <date>'",
    ],
    [['calendar', 'add', '2025-02-03'], "missing required argument 'n'"],
    [['calendar', 'frobnicate'], "unknown command 'frobnicate'"],
    [
      ['calendar', 'add', '2025-02-03', '1', '--calendar', 'missing.json'],
      'Cannot read missing.json',
    ],
    [
      ['calendar', 'add', '2025-02-03', '1', '--calendar', 'broken.json'],
      'INVALID_CALENDAR',
    ],
  ])('%j', async (argv, message) => {
    const run = await kuaiban(...argv);
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('help', () => {
  it('prints help with examples and exits 0', async () => {
    const run = await kuaiban('calendar', 'add', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kuaiban calendar add 2025-09-30 5');
    expect((await kuaiban('--version')).stdout).toContain('0.1.0');
  });
});
