import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKuaiban } from './support/runKuaiban.js';

const docs = (name: string) =>
  readFileSync(
    fileURLToPath(
      new URL(`../../../docs/getting-started/${name}`, import.meta.url),
    ),
    'utf8',
  );
const design = docs('food-permit.design.json');
const script = JSON.parse(docs('food-permit.script.json')) as unknown[];

const officer = { id: 'officer-chen', role: 'window-officer' };
const bakery = { id: 'bakery', role: 'applicant' };
/** The 容缺 story up to acceptance with food-safety-rules missing. */
const accepted = script.slice(0, 4);

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

const kuaiban = (
  argv: string[],
  files: Record<string, unknown> = {},
  stdin?: string[],
) =>
  runKuaiban(argv, {
    files: {
      'food-permit.design.json': design,
      'county.json': localCalendar,
      ...Object.fromEntries(
        Object.entries(files).map(([path, file]) => [
          path,
          typeof file === 'string' ? file : JSON.stringify(file),
        ]),
      ),
    },
    ...(stdin ? { lines: stdin } : {}),
  });

const run = (steps: unknown, ...flags: string[]) =>
  kuaiban(
    ['run', 'food-permit.design.json', '--script', 'steps.json', ...flags],
    { 'steps.json': steps },
  );

interface RunDocument {
  steps: {
    step: number;
    type: string;
    accepted: boolean;
    version: number | null;
    state: unknown;
    wakeUps: number | null;
    rejection: { code: string; message: string; messageZh: string } | null;
    dueDates: { supplement: string | null; decision: string | null } | null;
  }[];
  rejected: number;
  case: {
    state: unknown;
    version: number;
    history: { ok: boolean; entries?: number };
    replayMatches: boolean;
    trail: { command: string; at: string }[];
  } | null;
}

describe('kuaiban run --script: the getting-started example', () => {
  it('runs docs/getting-started/food-permit.{design,script}.json to the archive', async () => {
    const { code, stdout, stderr } = await kuaiban(
      ['run', 'food-permit.design.json', '--script', 'food-permit.script.json'],
      { 'food-permit.script.json': docs('food-permit.script.json') },
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      '#4 2025-09-26T10:00:00+08:00  ACCEPT_TOLERANCE bakery (applicant)\n   → reviewing v4',
    );
    expect(stdout).toContain(
      'due 期限: supplement 2025-10-10, decision 2025-10-30',
    );
    expect(stdout).toContain(
      'case case-1 food-business-permit: archived v9; 9 audit entries verified',
    );
  });

  it('--format json: every step, and the final case with its trail verified and replayed', async () => {
    const { code, stdout } = await run(script, '--format', 'json');
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as RunDocument;
    expect(document.steps.map((s) => [s.type, s.accepted, s.version])).toEqual([
      ['SUBMIT', true, 1],
      ['PRE_REVIEW_PASSED', true, 2],
      ['MATERIALS_CHECKED', true, 3],
      ['ACCEPT_TOLERANCE', true, 4],
      ['SUPPLEMENT', true, 5],
      ['REVIEW_OPINION', true, 6],
      ['APPROVE', true, 7],
      ['ISSUE_CERTIFICATE', true, 8],
      ['RATE', true, 9],
    ]);
    expect(document.rejected).toBe(0);
    expect(document.case).toMatchObject({
      state: 'archived',
      version: 9,
      history: { ok: true, entries: 9 },
      replayMatches: true,
    });
    // The engine's clock was each step's moment (a date alone is 09:00).
    expect(document.case?.trail.map((e) => e.at).slice(0, 2)).toEqual([
      '2025-09-26T09:00:00.000+08:00',
      '2025-09-26T09:20:00+08:00',
    ]);
  });
});

describe('kuaiban run: 容缺 cases from a script', () => {
  it('RQ-DEADLINE: the supplement deadline counts working days on the calendar given', async () => {
    const national = JSON.parse(
      (await run(accepted, '--format', 'json')).stdout,
    ) as RunDocument;
    expect(national.steps[3]?.dueDates?.supplement).toBe('2025-10-10');
    const county = JSON.parse(
      (await run(accepted, '--format', 'json', '--calendar', 'county.json'))
        .stdout,
    ) as RunDocument;
    // 10-09 is a local holiday: one working day later, the make-up Saturday.
    expect(county.steps[3]?.dueDates?.supplement).toBe('2025-10-11');
  });

  it('RQ-FAIL: advancing past the supplement deadline runs the wake-up that ends the case', async () => {
    const { code, stdout } = await run(
      [...accepted, { advanceTo: '2025-10-14' }],
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as RunDocument;
    expect(document.steps[4]).toMatchObject({
      type: 'ADVANCE',
      wakeUps: 1,
      state: 'lapsed',
    });
    expect(document.case?.trail.at(-1)?.command).toBe('TICK');
  });

  it('prints a rejection with its code in both languages, changes nothing, goes on and exits 1', async () => {
    const early = {
      at: '2025-09-27',
      command: {
        type: 'APPROVE',
        actor: { id: 'head-wang', role: 'agency-head' },
      },
    };
    const forbidden = {
      at: '2025-09-28',
      command: {
        type: 'SUPPLEMENT',
        actor: officer,
        materialIds: ['food-safety-rules'],
      },
    };
    const supplement = {
      at: '2025-09-30',
      command: {
        type: 'SUPPLEMENT',
        actor: bakery,
        materialIds: ['food-safety-rules'],
      },
    };
    const text = await run([...accepted, early, forbidden, supplement]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '#5 2025-09-27  APPROVE head-wang (agency-head)\n   rejected NOT_ALLOWED_IN_STATE: APPROVE is not possible for case case-1 in its present state\n   被拒绝：办件 case-1 当前状态下不能执行 APPROVE',
    );
    expect(text.stdout).toContain(
      '#6 2025-09-28  SUPPLEMENT officer-chen (window-officer)\n   rejected FORBIDDEN',
    );
    expect(text.stdout).toContain(
      '#7 2025-09-30  SUPPLEMENT bakery (applicant)\n   → reviewing v5',
    );
    expect(text.stdout).toContain('2 step(s) rejected');
    const json = await run(
      [...accepted, early, supplement],
      '--format',
      'json',
    );
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as RunDocument;
    expect(document.steps[4]).toMatchObject({
      accepted: false,
      version: 4,
      rejection: { code: 'NOT_ALLOWED_IN_STATE' },
    });
    expect(document.rejected).toBe(1);
    expect(document.case?.history).toEqual({ ok: true, entries: 5 });
  });

  it('stops when the application itself is rejected: there is no case to drive', async () => {
    const { code, stdout } = await run([
      {
        at: '2025-09-26',
        submit: {
          applicant: { id: 'bakery' },
          handler: { id: 'officer-chen' },
          route: 'express',
        },
      },
      ...script.slice(1),
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '#1 2025-09-26  SUBMIT bakery (applicant)\n   rejected INVALID_COMMAND',
    );
    expect(stdout).not.toContain('#2');
    expect(stdout).toContain('no case 未形成办件');
  });
});

describe('kuaiban run: bad input changes nothing (exit 2)', () => {
  it.each([
    [
      'a script that does not start with an application',
      script.slice(1),
      'step 1: The first step submits the application',
    ],
    [
      'a second application',
      [...script.slice(0, 2), script[0]],
      'step 3: A script drives one case',
    ],
    [
      'time running backwards',
      [script[0], { ...(script[1] as object), at: '2025-09-25' }],
      'step 2 at: Steps run forward in time',
    ],
    [
      'an advanceTo step dated before the date it advances to',
      [script[0], { advanceTo: '2025-12-01', at: '2025-10-01' }],
      'step 2 at: An advanceTo step happens on or after the date it advances to (2025-12-01)',
    ],
    [
      'a step with two actions',
      [{ ...(script[0] as object), advanceTo: '2025-10-01' }],
      'exactly one of submit, command or advanceTo (found submit, advanceTo)',
    ],
    [
      'a command without its moment',
      [script[0], { command: { type: 'PRE_REVIEW_PASSED', actor: officer } }],
      'step 2 at: A submit or command step needs its moment',
    ],
    [
      'a bad moment',
      [{ ...(script[0] as object), at: '26/09/2025' }],
      'step 1 at: Expected a date as YYYY-MM-DD',
    ],
    ['an unknown key', [{ ...(script[0] as object), when: 'now' }], 'step 1'],
    ['an empty script', [], 'A script has at least one step'],
    ['not JSON', '[{', 'steps.json is not valid JSON'],
  ])('%s', async (_, steps, message) => {
    const { code, stdout, stderr } = await run(steps);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('error INVALID_ARGUMENT');
    expect(stderr).toContain('错误');
    expect(stderr).toContain(message);
  });

  it('a missing script, a bad format and a bad design are bad input too', async () => {
    expect(
      (
        await kuaiban([
          'run',
          'food-permit.design.json',
          '--script',
          'nope.json',
        ])
      ).stderr,
    ).toContain('无法读取文件 nope.json');
    expect((await run(script, '--format', 'xml')).code).toBe(2);
    expect(
      (await kuaiban(['run', 'nope.design.json', '--script', 'x'])).code,
    ).toBe(2);
  });
});

describe('kuaiban run without --script: steps from standard input', () => {
  const lines = script.map((step) => JSON.stringify(step));

  it('runs JSON lines as they come, skipping blanks and comments', async () => {
    const { code, stdout } = await kuaiban(
      ['run', 'food-permit.design.json'],
      {},
      ['// the 容缺 story', '', ...lines],
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      '#9 2025-10-14  RATE bakery (applicant)\n   → archived v9',
    );
  });

  it('reports a bad line in both languages, skips it, runs the rest and exits 2', async () => {
    const { code, stdout, stderr } = await kuaiban(
      ['run', 'food-permit.design.json', '--format', 'json'],
      {},
      [
        lines[1] ?? '',
        lines[0] ?? '',
        '{oops',
        lines[0] ?? '',
        ...lines.slice(1),
      ],
    );
    expect(code).toBe(2);
    expect(stderr).toContain('line 1: submit the application first');
    expect(stderr).toContain('第 1 行：请先提交申请');
    expect(stderr).toContain('line 3 is not valid JSON');
    expect(stderr).toContain('line 4: the case is already submitted');
    const document = JSON.parse(stdout) as RunDocument;
    expect(document.case).toMatchObject({ state: 'archived', version: 9 });
  });

  it('skips a line that goes back in time, as a script refuses it, so the trail’s dates run forward', async () => {
    const backwards = JSON.stringify({
      ...(script[1] as object),
      at: '2025-09-20',
    });
    const { code, stdout, stderr } = await kuaiban(
      ['run', 'food-permit.design.json', '--format', 'json'],
      {},
      [lines[0] ?? '', backwards, ...lines.slice(1)],
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'line 2: Steps run forward in time: 2025-09-20T09:00:00.000+08:00 is before the step before',
    );
    expect(stderr).toContain('第 2 行：步骤须按时间先后');
    const document = JSON.parse(stdout) as RunDocument;
    expect(document.case).toMatchObject({ state: 'archived', version: 9 });
    const dates = document.case?.trail.map((entry) => entry.at) ?? [];
    expect(dates).toEqual([...dates].sort());
  });

  it('needs a way to read standard input', async () => {
    const { code, stderr } = await kuaiban(['run', 'food-permit.design.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('No --script given and no standard input');
  });
});
