import { isKuaibanError } from '@kuaiban/calendar';
import type { CaseHistory } from '@kuaiban/core';
import { toJsonl, toXes } from '@kuaiban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import { checkConformance } from '../src/index.js';
import type { FoodStory } from './engineLogs.js';
import {
  constructionPermitHistories,
  foodPermitHistories,
} from './engineLogs.js';

const food = foodPermitInput();

/** The engine's whole audit entries as JSON Lines, each with its item. */
const entriesJsonl = (histories: readonly CaseHistory[]) =>
  histories
    .flatMap((h) =>
      h.entries.map((e) => JSON.stringify({ ...e, itemId: h.itemId })),
    )
    .join('\n');

const lines = (text: string) => text.trimEnd().split('\n');
const rulesOf = (report: ReturnType<typeof checkConformance>) =>
  report.findings.map((f) => `${f.caseId ?? '*'} ${f.rule}`);

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

const stories: FoodStory[] = [
  {},
  { reviewOn: '2025-10-20' },
  { checkOn: '2025-09-10' },
  { issueOn: '2025-09-30' },
  { refuse: true },
  { pause: ['2025-09-02', '2025-09-22'], reviewOn: '2025-10-13' },
  { noticeOn: '2025-09-02' },
];

/**
 * Inserts the agency head's EXTEND before the decision of a case's log,
 * renumbering the lines: as `toJsonl` writes it (no length), or as a
 * whole audit entry with the days granted.
 */
const extended = (
  history: CaseHistory,
  days?: number,
  activity = 'EXTEND',
): string => {
  const source = lines(
    days === undefined ? toJsonl([history]) : entriesJsonl([history]),
  );
  const at = source.findIndex((line) => /"(APPROVE|DENY)"/.test(line));
  const before = JSON.parse(source[at - 1] ?? '{}') as Record<string, unknown>;
  const decision = JSON.parse(source[at] ?? '{}') as Record<string, unknown>;
  const extend =
    days === undefined
      ? {
          ...before,
          at: decision.at,
          activity,
          actor: 'head-wang',
          role: 'agency-head',
        }
      : {
          ...before,
          at: decision.at,
          actor: { id: 'head-wang', role: 'agency-head' },
          command: {
            type: activity,
            days,
            reason: '现场核查',
            toldApplicantOn: String(decision.at).slice(0, 10),
          },
        };
  return [...source.slice(0, at), JSON.stringify(extend), ...source.slice(at)]
    .map((line, i) => line.replace(/"sequence":\d+/, `"sequence":${i + 1}`))
    .join('\n');
};

let histories: CaseHistory[];
beforeAll(async () => {
  histories = await foodPermitHistories(food, stories);
});

describe('checkConformance: cases run through the real engine', () => {
  it('replays every case against the compiled design, from JSONL, XES and whole entries alike', () => {
    const fromJsonl = checkConformance(food, toJsonl(histories));
    expect(fromJsonl.summary.cases).toBe(stories.length);
    expect(fromJsonl.summary.fitting).toBe(stories.length);
    const strip = (r: typeof fromJsonl) =>
      r.findings.map((f) => [f.caseId, f.rule]);
    expect(strip(checkConformance(food, toXes(histories)))).toEqual(
      strip(fromJsonl),
    );
    expect(strip(checkConformance(food, entriesJsonl(histories)))).toEqual(
      strip(fromJsonl),
    );
  });

  it('finds exactly the three late cases, each with its evidence', () => {
    expect(rulesOf(checkConformance(food, toJsonl(histories)))).toEqual([
      'case-0002 decision-on-time',
      'case-0003 notice-within-5d-log',
      'case-0004 certificate-on-time',
    ]);
  });

  it('ALL-42-DECIDE-20D: decided after the statutory limit, counted in working days', () => {
    const late = checkConformance(food, toJsonl(histories)).findings.find(
      (f) => f.rule === 'decision-on-time',
    );
    // 20 working days after 2025-09-01, with the 2025-09-28 make-up Sunday.
    expect(late?.message).toContain('due 2025-09-28');
    expect(late?.evidence?.map((e) => e.activity)).toEqual([
      'MATERIALS_CHECKED',
      'APPROVE',
    ]);
    expect(late?.basis).toContain('arts. 42, 45');
  });

  it('TIME-EXCLUDED: a lawful pause moves the due date (case 6 would be late without it)', () => {
    const report = checkConformance(food, toJsonl(histories));
    expect(report.cases[5]?.findings).toEqual([]);
    const withoutPause = toJsonl([histories[5] as CaseHistory])
      .split('\n')
      .filter((line) => !/"activity":"(PAUSE|RESUME)"/.test(line))
      .join('\n');
    expect(rulesOf(checkConformance(food, withoutPause))).toContain(
      'case-0006 decision-on-time',
    );
  });

  it('TIME-PAUSE-SEMANTICS: decided while still paused, only the days before the pause count', () => {
    const noResume = lines(toJsonl([histories[5] as CaseHistory]))
      .filter((line) => !line.includes('"activity":"RESUME"'))
      .join('\n');
    const report = checkConformance(food, noResume);
    expect(report.findings).toEqual([]);
    expect(report.cases[0]?.fits).toBe(true);
  });

  it('ALL-32-NOTICE-5D: acceptance deemed when the window passes without a notice', () => {
    const found = checkConformance(food, toJsonl(histories)).findings.find(
      (f) => f.rule === 'notice-within-5d-log',
    );
    expect(found?.message).toContain('window ending 2025-09-04');
    expect(found?.message).toContain('acceptance deemed');
  });

  it('ALL-44-ISSUE-10D: the certificate after the issuance limit', () => {
    const found = checkConformance(food, toJsonl(histories)).findings.find(
      (f) => f.rule === 'certificate-on-time',
    );
    expect(found?.message).toContain('due 2025-09-10');
    expect(found?.severity).toBe('error');
  });

  it('ALL-44-ISSUE-10D: past the item’s own 5 days but within the law’s 10 is a warning', async () => {
    const [history] = await foodPermitHistories(food, [
      { issueOn: '2025-09-12' },
    ]);
    const found = checkConformance(
      food,
      toJsonl([history as CaseHistory]),
    ).findings;
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['certificate-on-time', 'warning'],
    ]);
    expect(found[0]?.message).toContain("within the law's 10");
  });

  describe('ALL-42-DECIDE-20D: the extension', () => {
    let onTheTenth: CaseHistory;
    beforeAll(async () => {
      // Decided 2025-10-10: after 2025-09-28 (20 days), before 2025-10-17 (+10).
      [onTheTenth] = (await foodPermitHistories(food, [
        { reviewOn: '2025-10-10' },
      ])) as [CaseHistory];
    });
    const decisionFindings = (log: string) =>
      checkConformance(food, log).findings.filter(
        (f) => f.rule === 'decision-on-time',
      );

    it('ALL-42-DECIDE-20D: without an extension, 2025-10-10 is late', () => {
      expect(
        decisionFindings(toJsonl([onTheTenth])).map((f) => f.severity),
      ).toEqual(['error']);
    });

    it('ALL-42-DECIDE-20D: the full 10 days granted, as the audit entry says, is on time', () => {
      expect(checkConformance(food, extended(onTheTenth, 10)).findings).toEqual(
        [],
      );
    });

    it('ALL-42-DECIDE-20D: 3 days granted is still late, due 2025-10-09', () => {
      const [late] = decisionFindings(extended(onTheTenth, 3));
      expect(late?.severity).toBe('error');
      expect(late?.message).toContain('due 2025-10-09');
      expect(late?.message).toContain('+ 3 extension');
    });

    it('ALL-42-DECIDE-20D: a log claiming 30 days is held to the 10 the item allows', () => {
      const late = decisionFindings(extended(histories[1] as CaseHistory, 30));
      expect(late.map((f) => f.severity)).toEqual(['error']);
      expect(late[0]?.message).toContain('due 2025-10-17');
    });

    it('ALL-42-DECIDE-20D: an extension of unknown length (toJsonl) warns instead of passing', () => {
      const found = decisionFindings(extended(onTheTenth));
      expect(found.map((f) => f.severity)).toEqual(['warning']);
      expect(found[0]?.message).toContain('does not say how long');
      expect(found[0]?.messageZh).toContain('日志未载明延长天数');
      // Still an error when even the longest extension would not cover it.
      expect(
        decisionFindings(extended(histories[1] as CaseHistory)).map(
          (f) => f.severity,
        ),
      ).toEqual(['error']);
    });
  });

  it('SVC-NO-VETO: a refusal with the supervisor’s confirmation removed from the log', () => {
    const refusal = lines(toJsonl([histories[4] as CaseHistory]));
    const tampered = refusal
      .filter((line) => !line.includes('CONFIRM_REFUSAL'))
      .map((line) =>
        line.includes('PROPOSE_REFUSAL')
          ? line.replace('"state":"refusalPending"', '"state":"refused"')
          : line,
      )
      .join('\n');
    const report = checkConformance(food, tampered);
    expect(rulesOf(report)).toEqual([
      'case-0005 replay-fits-design',
      'case-0005 refusal-confirmed-log',
    ]);
    expect(report.cases[0]?.fits).toBe(false);
  });

  it('SVC-ONE-NOTICE: a second notice with no material supplied since the first', () => {
    const noticed = lines(toJsonl([histories[6] as CaseHistory]));
    const notice = noticed.find((line) => line.includes('ISSUE_NOTICE')) ?? '';
    const at = noticed.indexOf(notice);
    const renumbered = [
      ...noticed.slice(0, at + 1),
      notice,
      ...noticed.slice(at + 1),
    ].map((line, i) => line.replace(/"sequence":\d+/, `"sequence":${i + 1}`));
    expect(rulesOf(checkConformance(food, renumbered.join('\n')))).toContain(
      'case-0007 one-notice-log',
    );
  });

  it('TIME-EXCLUDED: a pause for a reason the law does not name, with no basis', () => {
    const entries = lines(entriesJsonl([histories[5] as CaseHistory])).map(
      (line) =>
        line.replace('"reason":"expert-review"', '"reason":"year-end-rush"'),
    );
    expect(rulesOf(checkConformance(food, entries.join('\n')))).toContain(
      'case-0006 lawful-pause',
    );
  });

  it('checks the role of each event against the design (an approval by a reviewer)', () => {
    const tampered = toJsonl([histories[0] as CaseHistory]).replace(
      '"activity":"APPROVE","actor":"head-wang","role":"agency-head"',
      '"activity":"APPROVE","actor":"reviewer-li","role":"reviewer"',
    );
    const found = checkConformance(food, tampered).findings[0];
    expect(found?.rule).toBe('replay-fits-design');
    expect(found?.message).toContain(
      'reviewer reviewer-li may not send APPROVE',
    );
  });

  it('reports a case that skips a step of the design, or starts elsewhere', () => {
    const skipped = lines(toJsonl([histories[0] as CaseHistory]))
      .filter((line) => !line.includes('REVIEW_OPINION'))
      .join('\n');
    expect(checkConformance(food, skipped).findings[0]?.message).toContain(
      'APPROVE in state reviewing cannot lead to issuing',
    );
    const headless = lines(toJsonl([histories[0] as CaseHistory]))
      .slice(1)
      .join('\n');
    expect(checkConformance(food, headless).findings[0]?.message).toContain(
      'starts with PRE_REVIEW_PASSED',
    );
  });

  it('checks each case of a chain design against its own item', () => {
    const chain = {
      id: 'open-a-restaurant',
      name: 'Open a restaurant',
      nameZh: '开餐馆',
      items: [{ item: food }, { item: constructionPermitInput() }],
    };
    const report = checkConformance(chain, toJsonl(histories));
    expect(report.summary.fitting).toBe(stories.length);
    expect(report.summary.errors).toBe(3);
  });

  it('reports a case of an item the design does not have', () => {
    const other = toJsonl([histories[0] as CaseHistory]).replaceAll(
      'food-business-permit',
      'liquor-permit',
    );
    expect(checkConformance(food, other).cases[0]?.fits).toBe(false);
  });
});

describe('checkConformance: parallel approval', () => {
  it('ALL-42-JOINT-45D: replays joint cases, approved and denied, through the departments', async () => {
    const input = constructionPermitInput();
    const joint = await constructionPermitHistories(input, [
      [
        ['planning', '2025-09-03', 'approve'],
        ['fire', '2025-09-05', 'approve'],
        ['civil-defence', '2025-09-05', 'approve'],
      ],
      [['fire', '2025-09-04', 'reject']],
      [
        ['planning', '2025-10-20', 'approve'],
        ['fire', '2025-11-20', 'approve'],
        ['civil-defence', '2025-11-20', 'approve'],
      ],
    ]);
    const report = checkConformance(input, toJsonl(joint));
    expect(report.summary.fitting).toBe(3);
    expect(rulesOf(report)).toEqual(['joint-3 decision-on-time']);
  });

  it('ALL-42-JOINT-45D: the joint extension of up to 15 days moves the due date to 2025-11-28', async () => {
    const input = constructionPermitInput();
    const [late] = await constructionPermitHistories(input, [
      [
        ['planning', '2025-10-20', 'approve'],
        ['fire', '2025-11-20', 'approve'],
        ['civil-defence', '2025-11-20', 'approve'],
      ],
    ]);
    const log = extended(late as CaseHistory, 15, 'EXTEND_JOINT');
    expect(checkConformance(input, log).findings).toEqual([]);
    const short = checkConformance(
      input,
      extended(late as CaseHistory, 5, 'EXTEND_JOINT'),
    ).findings;
    expect(short.map((f) => f.message)).toEqual([
      expect.stringContaining('+ 5 extension'),
    ]);
  });
});

describe('checkConformance: SVC-ONE-NOTICE in a joint review', () => {
  /** A joint case's log with these activities inserted before its decision. */
  const withActivities = async (activities: readonly string[]) => {
    const input = constructionPermitInput();
    const [history] = await constructionPermitHistories(input, [
      [
        ['planning', '2025-09-03', 'approve'],
        ['fire', '2025-09-05', 'approve'],
        ['civil-defence', '2025-09-05', 'approve'],
      ],
    ]);
    const source = lines(toJsonl([history as CaseHistory]));
    const at = source.findIndex((line) => line.includes('"OPINION"'));
    const before = JSON.parse(source[at - 1] ?? '{}') as Record<
      string,
      unknown
    >;
    const added = activities.map((activity) =>
      JSON.stringify({
        ...before,
        activity,
        ...(activity === 'SUPPLEMENT_PROVIDED'
          ? { actor: 'developer-0', role: 'applicant' }
          : { actor: 'planning-lead', role: 'lead-department' }),
      }),
    );
    const log = [...source.slice(0, at), ...added, ...source.slice(at)]
      .map((line, i) => line.replace(/"sequence":\d+/, `"sequence":${i + 1}`))
      .join('\n');
    return checkConformance(input, log);
  };

  it('SVC-ONE-NOTICE: a second merged notice with nothing supplied since the first', async () => {
    const report = await withActivities([
      'ISSUE_MERGED_NOTICE',
      'ISSUE_MERGED_NOTICE',
    ]);
    expect(rulesOf(report)).toEqual(['joint-1 one-notice-log']);
    expect(report.findings[0]?.message).toContain('merged notice 2');
    expect(report.findings[0]?.messageZh).toContain('第 2 次合并告知');
  });

  it('SVC-ONE-NOTICE: a second merged notice after the applicant supplied is lawful', async () => {
    const report = await withActivities([
      'ISSUE_MERGED_NOTICE',
      'SUPPLEMENT_PROVIDED',
      'ISSUE_MERGED_NOTICE',
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe('checkConformance: SVC-LAST-MINUTE', () => {
  it('SVC-LAST-MINUTE: flags the reviewer who decides in the final fifth of the time, not the others', async () => {
    const many: FoodStory[] = [];
    for (let i = 0; i < 6; i++) {
      // 2025-09-26 is the 18th working day of 20 after 2025-09-01.
      many.push({ reviewer: 'reviewer-slow', reviewOn: '2025-09-26' });
      many.push({ reviewer: 'reviewer-quick', reviewOn: '2025-09-03' });
      many.push({ reviewer: 'reviewer-fair', reviewOn: '2025-09-10' });
    }
    const log = toJsonl(await foodPermitHistories(food, many));
    const report = checkConformance(food, log);
    const flagged = report.findings.filter((f) => f.rule === 'last-minute');
    expect(
      flagged.map((f) => f.message.split(' ').slice(0, 2).join(' ')),
    ).toEqual(['officer reviewer-slow']);
    expect(flagged[0]?.severity).toBe('warning');
    expect(
      report.lastMinute.byOfficer.find((g) => g.id === 'reviewer-slow'),
    ).toEqual({
      id: 'reviewer-slow',
      decisions: 6,
      lastMinute: 6,
      share: 1,
    });
    expect(report.lastMinute.byDepartment).toEqual([
      { id: 'market-regulation', decisions: 18, lastMinute: 6, share: 1 / 3 },
    ]);
    expect(report.ok).toBe(true);
  });
});

describe('checkConformance: bad input changes nothing and says where', () => {
  it.each([
    ['not JSON', '{"caseId":'],
    [
      'a line without its activity',
      '{"caseId":"c","itemId":"i","sequence":1,"at":"2025-09-01T10:00:00+08:00","actor":"a","role":"r","state":null}',
    ],
    [
      'events out of order',
      [2, 1]
        .map(
          (s) =>
            `{"caseId":"c","itemId":"food-business-permit","sequence":${s},"at":"2025-09-01T10:00:00+08:00","activity":"SUBMIT","actor":"a","role":"applicant","state":"submitted"}`,
        )
        .join('\n'),
    ],
    ['XES without a log', '<xml/>'],
    [
      'an XES event without a timestamp',
      '<log><trace><string key="concept:name" value="c"/><string key="itemId" value="i"/><event><string key="concept:name" value="SUBMIT"/></event></trace></log>',
    ],
    ['an XES trace without its case', '<log><trace><event/></trace></log>'],
  ])('INVALID_CASE_LOG for %s', (_, text) => {
    expect(codeOf(() => checkConformance(food, text))).toBe('INVALID_CASE_LOG');
  });

  it('INVALID_DEFINITION for a design that does not validate, INVALID_LINT_CONFIG for bad options', () => {
    expect(codeOf(() => checkConformance({ id: 'x' }, ''))).toBe(
      'INVALID_DEFINITION',
    );
    expect(
      codeOf(() => checkConformance(food, '', { lastMinuteShare: 2 })),
    ).toBe('INVALID_LINT_CONFIG');
  });

  it('the same case under two items is INVALID_CASE_LOG', () => {
    const line = (item: string, seq: number) =>
      `{"caseId":"c","itemId":"${item}","sequence":${seq},"at":"2025-09-01T10:00:00+08:00","activity":"SUBMIT","actor":"a","role":"applicant","state":"submitted"}`;
    expect(
      codeOf(() => checkConformance(food, `${line('a', 1)}\n${line('b', 2)}`)),
    ).toBe('INVALID_CASE_LOG');
  });
});
