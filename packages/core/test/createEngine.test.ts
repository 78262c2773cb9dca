import { createChinaCalendar, isKuaibanError } from '@kuaiban/calendar';
import type { Party } from '@kuaiban/machines';
import { describe, expect, it } from 'vitest';
import { verifyHistory } from '../src/auditTrail.js';
import { createEngine } from '../src/createEngine.js';
import type { EngineEvent } from '../src/createEngine.js';
import { defineItem } from '../src/itemDefinition.js';
import { constructionPermitInput, foodPermitInput } from './items.js';

const calendar = createChinaCalendar();
const bakery: Party = { id: 'bakery', role: 'applicant' };
const officer: Party = { id: 'officer-chen', role: 'window-officer' };
const reviewer: Party = { id: 'reviewer-li', role: 'reviewer' };
const head: Party = { id: 'head-wang', role: 'agency-head' };

/** A clock the test moves; ids counted from 1. */
function setup() {
  let now = '2025-09-26T09:00:00.000+08:00';
  let next = 0;
  const engine = createEngine({
    items: [defineItem(foodPermitInput())],
    calendar,
    clock: { now: () => now },
    ids: () => `case-${++next}`,
  });
  const at = (date: string) => {
    now = `${date}T10:00:00.000+08:00`;
  };
  return { engine, at };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

const submit = (engine: ReturnType<typeof setup>['engine']) =>
  engine.submit({
    itemId: 'food-business-permit',
    applicant: { id: 'bakery' },
    handler: { id: 'officer-chen', backup: 'officer-liu' },
  });

const checked = {
  type: 'MATERIALS_CHECKED',
  actor: officer,
  findings: [
    { materialId: 'application', status: 'complete' },
    { materialId: 'premises-proof', status: 'complete' },
    { materialId: 'food-safety-rules', status: 'missing' },
  ],
};

describe('createEngine: a case from submission to archive', () => {
  it('runs the 容缺 story with dates from its clock and an audit trail that verifies', async () => {
    const { engine, at } = setup();
    const seen: string[] = [];
    engine.on('case.changed', (event: EngineEvent) =>
      seen.push(String(event.state)),
    );
    const { caseId } = await submit(engine);
    expect(caseId).toBe('case-1');
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    await engine.dispatch(caseId, checked);
    await engine.dispatch(caseId, {
      type: 'ACCEPT_TOLERANCE',
      actor: bakery,
      commitment: { text: '承诺五个工作日内补齐' },
    });
    expect((await engine.get(caseId)).state).toBe('reviewing');
    at('2025-09-30');
    await engine.dispatch(caseId, {
      type: 'SUPPLEMENT',
      actor: bakery,
      materialIds: ['food-safety-rules'],
    });
    at('2025-10-10');
    await engine.dispatch(caseId, {
      type: 'REVIEW_OPINION',
      actor: reviewer,
      step: 'site-review',
      opinion: 'approve',
    });
    await engine.dispatch(caseId, { type: 'APPROVE', actor: head });
    await engine.dispatch(caseId, {
      type: 'ISSUE_CERTIFICATE',
      actor: officer,
      certificateNo: 'JY-1',
    });
    await engine.dispatch(caseId, {
      type: 'RATE',
      actor: bakery,
      grade: 'satisfied',
    });
    const done = await engine.get(caseId);
    expect(done.state).toBe('archived');
    expect(done.version).toBe(9);
    const history = await engine.history(caseId);
    expect(history).toHaveLength(9);
    expect(history[0]?.command.type).toBe('SUBMIT');
    expect(history[4]).toMatchObject({
      command: { type: 'SUPPLEMENT', at: '2025-09-30' },
      at: '2025-09-30T10:00:00.000+08:00',
    });
    expect(verifyHistory(history)).toEqual({ ok: true, entries: 9 });
    expect(seen.at(-1)).toBe('archived');
  });
});

describe('createEngine: a rejected command changes nothing', () => {
  it.each([
    [{ type: 'PRE_REVIEW_PASSED', actor: bakery }, 'FORBIDDEN'],
    [
      {
        type: 'SUPPLEMENT',
        actor: { id: 'other-bakery', role: 'applicant' },
        materialIds: ['x'],
      },
      'FORBIDDEN',
    ],
    [{ type: 'FLY', actor: officer }, 'INVALID_COMMAND'],
    [{ type: 'TICK', actor: { id: 's', role: 'system' } }, 'INVALID_COMMAND'],
    [
      { type: 'PROPOSE_REFUSAL', actor: officer, reason: '' },
      'INVALID_COMMAND',
    ],
    [{ type: 'APPROVE', actor: head }, 'NOT_ALLOWED_IN_STATE'],
    [{ nothing: true }, 'INVALID_COMMAND'],
  ])('%j → %s', async (command, code) => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    expect(await codeOf(engine.dispatch(caseId, command))).toBe(code);
    expect((await engine.get(caseId)).version).toBe(1);
    expect(await engine.history(caseId)).toHaveLength(1);
  });

  it('CASE_NOT_FOUND for an unknown case, INVALID_COMMAND for an unknown item', async () => {
    const { engine } = setup();
    expect(await codeOf(engine.get('nope'))).toBe('CASE_NOT_FOUND');
    expect(
      await codeOf(
        engine.dispatch('nope', { type: 'PRE_REVIEW_PASSED', actor: officer }),
      ),
    ).toBe('CASE_NOT_FOUND');
    expect(
      await codeOf(
        engine.submit({
          itemId: 'x',
          applicant: { id: 'a' },
          handler: { id: 'h' },
        }),
      ),
    ).toBe('INVALID_COMMAND');
  });

  it('reports what is wrong with a command, and where, in both languages', async () => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    try {
      await engine.dispatch(caseId, {
        type: 'PROPOSE_REFUSAL',
        actor: officer,
        route: 5,
      });
      expect.unreachable();
    } catch (error) {
      if (!isKuaibanError(error)) throw error;
      expect(error.code).toBe('INVALID_COMMAND');
      expect(error.issues.map((i) => i.path[0])).toEqual(
        expect.arrayContaining(['reason', 'route']),
      );
      expect(error.messageZh).toContain('指令');
    }
  });
});

describe('createEngine: idempotency and time', () => {
  it('a repeated command id replays the first result instead of acting twice', async () => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    const command = {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
      commandId: 'click-1',
    };
    const first = await engine.dispatch(caseId, command);
    const again = await engine.dispatch(caseId, command);
    expect(again).toEqual(first);
    expect(await engine.history(caseId)).toHaveLength(2);
  });

  it('a repeated submission (the same command id) gets the case it opened; no second case', async () => {
    let next = 0;
    const engine = createEngine({
      items: [
        defineItem(foodPermitInput()),
        defineItem(constructionPermitInput()),
      ],
      calendar,
      clock: { now: () => '2025-09-26T09:00:00.000+08:00' },
      ids: () => `case-${++next}`,
    });
    const application = {
      itemId: 'food-business-permit',
      applicant: { id: 'bakery' },
      handler: { id: 'officer-chen' },
      commandId: 'apply-1',
    };
    const submitted: string[] = [];
    engine.on('case.submitted', (event) => submitted.push(event.caseId));
    const first = await engine.submit(application);
    await engine.dispatch(first.caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    // Sent again later: the first result, not the case as it is now.
    expect(await engine.submit(application)).toEqual(first);
    // Sent twice at once: one case, both told its id.
    const [a, b] = await Promise.all([
      engine.submit({ ...application, commandId: 'apply-2' }),
      engine.submit({ ...application, commandId: 'apply-2' }),
    ]);
    expect(b.caseId).toBe(a.caseId);
    expect(submitted).toEqual([first.caseId, a.caseId]);
    expect(await engine.history(first.caseId)).toHaveLength(2);
    expect(await engine.queue()).toHaveLength(2);
    // Another applicant's ids are their own; an applicant's id used for
    // another item is refused.
    const theirs = await engine.submit({
      ...application,
      applicant: { id: 'teahouse' },
    });
    expect(theirs.caseId).not.toBe(first.caseId);
    expect(await engine.queue()).toHaveLength(3);
    expect(
      await codeOf(
        engine.submit({
          ...application,
          itemId: defineItem(constructionPermitInput()).id,
        }),
      ),
    ).toBe('INVALID_COMMAND');
    expect(await engine.queue()).toHaveLength(3);
  });

  it('ALL-32-NOTICE-5D, ALL-42-DECIDE-20D: advanceTo runs the wake-ups in order: deemed acceptance, warning, overdue', async () => {
    const { engine } = setup();
    const warnings: string[] = [];
    const overdue: string[] = [];
    engine.on('deadline.warning', (event) => warnings.push(event.caseId));
    engine.on('deadline.overdue', (event) => overdue.push(event.caseId));
    const { caseId } = await submit(engine);
    // No notice within the item's 3 working days: accepted from receipt
    // (09-26); 20 working days then end on 10-30, warning from 10-27.
    await engine.advanceTo('2025-10-28');
    const warned = await engine.get(caseId);
    expect(warned.state).toBe('reviewing');
    expect(warned.facts.warnedOn).toBe('2025-10-27');
    expect(warnings).toEqual([caseId]);
    expect(await engine.queue({ status: 'warning' })).toHaveLength(1);
    expect(await engine.queue({ role: 'reviewer' })).toHaveLength(1);
    expect(await engine.queue({ role: 'agency-head' })).toHaveLength(0);
    await engine.advanceTo('2025-10-31');
    expect(overdue).toEqual([caseId]);
    expect(await engine.queue({ status: 'overdue' })).toHaveLength(1);
    expect(await engine.queue({ status: 'warning' })).toHaveLength(0);
    expect(verifyHistory(await engine.history(caseId)).ok).toBe(true);
    expect(await engine.advanceTo('2025-10-31')).toBe(0);
  });

  it("ALL-42-DECIDE-20D: wake runs one case's due wake-ups, in order, and only once", async () => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    const other = await submit(engine);
    expect(await engine.wake(caseId, '2025-09-26')).toBe(0);
    // Deemed acceptance, then the warning on 10-27; the overdue mark waits.
    expect(await engine.wake(caseId, '2025-10-28')).toBe(2);
    const warned = await engine.get(caseId);
    expect(warned.facts.warnedOn).toBe('2025-10-27');
    expect(warned.facts.escalatedOn).toBeNull();
    expect(await engine.wake(caseId, '2025-10-28')).toBe(0);
    // Another case's wake-ups wait for their own wake.
    expect((await engine.get(other.caseId)).version).toBe(1);
    expect(await engine.history(other.caseId)).toHaveLength(1);
    expect(await engine.wake('no-such-case', '2025-10-28')).toBe(0);
    expect(verifyHistory(await engine.history(caseId)).ok).toBe(true);
  });
});

describe('createEngine: nothing is lost', () => {
  it('replaying the trail reproduces the state exactly, wake-ups included', async () => {
    const { engine, at } = setup();
    const { caseId } = await submit(engine);
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    await engine.dispatch(caseId, checked);
    await engine.dispatch(caseId, {
      type: 'ACCEPT_TOLERANCE',
      actor: bakery,
      commitment: { text: '承诺补齐' },
    });
    at('2025-09-30');
    await engine.dispatch(caseId, {
      type: 'SUPPLEMENT',
      actor: bakery,
      materialIds: ['food-safety-rules'],
    });
    await engine.advanceTo('2025-10-28');
    expect(await engine.replay(caseId)).toEqual({
      matches: true,
      state: 'reviewing',
    });
  });

  it('CONFLICT: of two commands racing on one case, exactly one wins', async () => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    const results = await Promise.allSettled([
      engine.dispatch(caseId, { type: 'PRE_REVIEW_PASSED', actor: officer }),
      engine.dispatch(caseId, {
        type: 'PROPOSE_REFUSAL',
        actor: { id: 'officer-wu', role: 'window-officer' },
        reason: '不属于本机关',
        route: '区局',
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost && isKuaibanError(lost.reason) && lost.reason.code).toBe(
      'CONFLICT',
    );
    expect(await engine.history(caseId)).toHaveLength(2);
    expect((await engine.replay(caseId)).matches).toBe(true);
  });

  it('tick() follows the clock; a listener can unsubscribe', async () => {
    const { engine, at } = setup();
    const events: string[] = [];
    const off = engine.on('case.changed', (event) => events.push(event.type));
    const { caseId } = await submit(engine);
    at('2025-10-09');
    expect(await engine.tick()).toBe(1);
    expect((await engine.get(caseId)).state).toBe('reviewing');
    off();
    at('2025-10-28');
    await engine.tick();
    expect(events).toEqual(['case.changed']);
  });
});

describe('createEngine: findings of the property tests', () => {
  it('a repeated command id returns the first result, even after later commands; reusing it for another command is refused', async () => {
    const { engine } = setup();
    const { caseId } = await submit(engine);
    const first = await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
      commandId: 'c1',
    });
    await engine.dispatch(caseId, checked);
    const again = await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
      commandId: 'c1',
    });
    expect(again).toEqual(first);
    expect(
      await codeOf(
        engine.dispatch(caseId, {
          type: 'APPROVE',
          actor: head,
          commandId: 'c1',
        }),
      ),
    ).toBe('INVALID_COMMAND');
  });

  it('a wake-up that fell due before the last command is dated on that command’s day', async () => {
    const { engine, at } = setup();
    const { caseId } = await submit(engine);
    at('2025-10-10');
    await engine.dispatch(caseId, {
      type: 'PROPOSE_REFUSAL',
      actor: officer,
      reason: '不属于本机关',
      route: '区局',
    });
    at('2025-10-13');
    await engine.dispatch(caseId, {
      type: 'OVERRULE_REFUSAL',
      actor: { id: 'sup', role: 'supervisor' },
      reason: '属于本机关',
    });
    await engine.advanceTo('2025-10-13');
    const history = await engine.history(caseId);
    const dates = history
      .map((entry) => entry.command.at)
      .filter((date): date is string => typeof date === 'string');
    expect(dates).toEqual([...dates].sort());
    expect(history.at(-1)?.command).toMatchObject({
      type: 'TICK',
      at: '2025-10-13',
    });
  });
});

describe('createEngine: a refused submission changes nothing', () => {
  it('keeps the case already stored under a repeated id, which runs on as before', async () => {
    const engine = createEngine({
      items: [defineItem(foodPermitInput())],
      calendar,
      clock: { now: () => '2025-09-26T09:00:00.000+08:00' },
      ids: () => 'case-1',
    });
    const { caseId } = await submit(engine);
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    const before = await engine.get(caseId);
    expect(await codeOf(submit(engine))).toBe('CONFLICT');
    expect(await engine.get(caseId)).toEqual(before);
    expect(await engine.history(caseId)).toHaveLength(2);
    await engine.dispatch(caseId, checked);
    expect((await engine.get(caseId)).version).toBe(3);
    expect(await engine.replay(caseId)).toMatchObject({ matches: true });
  });
});
