import {
  createMemoryStore,
  materialsRequested,
  providedMaterials,
  verifyHistory,
} from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_CHAIN } from '../src/enterpriseChain.js';
import {
  DEMO_ENTERPRISE,
  DEMO_START_DATE,
  ENTERPRISE_PLAN,
} from '../src/enterprisePlan.js';
import { gcStage2 } from './stages.js';
import { LINKS } from '../src/links.js';
import { runTimeline } from '../src/timeline.js';
import { calendar, codeOf, harness, officer } from './harness.js';

describe('八事快办: the enterprise chain', () => {
  it('SVC-SHARE: after registration no item asks for the business licence, nor for anything an earlier result provides', () => {
    for (const { item } of ENTERPRISE_CHAIN.items.slice(1)) {
      const asked = materialsRequested(ENTERPRISE_CHAIN, item.id).map(
        (m) => m.id,
      );
      expect(asked).not.toContain('business-licence');
      for (const provided of providedMaterials(ENTERPRISE_CHAIN, item.id)) {
        expect(asked).not.toContain(provided);
      }
    }
    expect(
      materialsRequested(ENTERPRISE_CHAIN, 'business-registration').map(
        (m) => m.id,
      ),
    ).not.toContain('business-licence');
  });

  it('covers the eight links of seeds/002 item 50, each with at least one item', () => {
    const inChain = new Set(ENTERPRISE_CHAIN.items.map((e) => e.item.id));
    expect(LINKS.map((link) => link.nameZh)).toEqual([
      '企业开办',
      '办理建筑许可',
      '获得电力',
      '获得用水用气',
      '不动产登记',
      '纳税',
      '融资信贷',
      '办理破产',
    ]);
    for (const link of LINKS) {
      expect(link.items.some((item) => inChain.has(item.id))).toBe(true);
    }
  });

  it('SVC-SHARE: the engine refuses a finding on a material an earlier result provided, and changes nothing', async () => {
    const { engine, on, submit } = harness([gcStage2]);
    on('2025-04-01');
    const caseId = await submit(gcStage2, {
      providedMaterials: providedMaterials(ENTERPRISE_CHAIN, gcStage2.id),
    });
    await engine.dispatch(caseId, {
      type: 'PRE_REVIEW_PASSED',
      actor: officer,
    });
    const checked = (extra: string[]) =>
      engine.dispatch(caseId, {
        type: 'MATERIALS_CHECKED',
        actor: officer,
        findings: [
          'application',
          'design-scheme',
          'topographic-map',
          ...extra,
        ].map((materialId) => ({ materialId, status: 'complete' })),
      });
    expect(await codeOf(checked(['business-licence']))).toBe(
      'NOT_ALLOWED_IN_STATE',
    );
    expect((await engine.history(caseId)).length).toBe(2);
    expect((await checked([])).state).toBe('reviewing');
  });

  it('GC-120WD, SVC-LIMITS, ALL-44-ISSUE-10D: one enterprise runs the whole chain on the engine, every case archived within its promise', async () => {
    const store = createMemoryStore();
    const progress: number[] = [];
    const timeline = await runTimeline({
      chain: ENTERPRISE_CHAIN,
      links: LINKS,
      plan: ENTERPRISE_PLAN,
      calendar,
      startOn: DEMO_START_DATE,
      applicantId: DEMO_ENTERPRISE.id,
      store,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(progress).toEqual(ENTERPRISE_CHAIN.items.map((_, i) => i + 1));
    expect(timeline.startOn).toBe('2025-03-03');
    expect(timeline.endOn).toBe('2026-01-06');
    const byId = new Map(timeline.cases.map((c) => [c.item.id, c]));
    for (const { item, after } of ENTERPRISE_CHAIN.items) {
      const record = byId.get(item.id)!;
      expect(record.finalState).toBe('archived');
      expect(record.withinPromise).toBe(true);
      for (const earlier of after) {
        expect(record.submittedOn >= byId.get(earlier)!.issuedOn).toBe(true);
      }
      for (const provided of record.provided) {
        expect(record.asked).not.toContain(provided);
      }
      const history = await store.history(record.caseId);
      expect(verifyHistory(history).ok).toBe(true);
    }
    expect(
      Object.fromEntries(timeline.links.map((l) => [l.link.id, l.workingDays])),
    ).toEqual({
      'starting-a-business': 0,
      'construction-permits': 58,
      'getting-electricity': 4,
      'getting-water-and-gas': 8,
      'registering-property': 4,
      'paying-taxes': 1,
      'getting-credit': 8,
      'resolving-insolvency': 13,
    });
    // The 20-day notice is the exit link's own time; building the plant is not approval time.
    expect(
      timeline.waits.map((w) => [
        w.itemId,
        w.from,
        w.until,
        w.countsTowardLink,
      ]),
    ).toEqual([
      ['gc-stage-4-joint-completion', '2025-05-16', '2025-11-12', false],
      ['simplified-deregistration', '2025-12-16', '2026-01-05', true],
    ]);
  });
});
