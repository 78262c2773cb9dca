import { isKuaibanError } from '@kuaiban/calendar';
import type { CompiledItem, ItemDefinition } from '@kuaiban/core';
import { compileItem } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import {
  constructionPermitInput,
  foodPermitInput,
} from '../../core/test/items.js';
import type { LintOptions } from '../src/index.js';
import { RULES, lintDesign } from '../src/index.js';
import { brokenDesigns } from './brokenDesigns.js';

const rulesOf = (report: ReturnType<typeof lintDesign>) =>
  report.findings.map((f) => f.rule);

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isKuaibanError(error) ? error.code : String(error);
  }
}

describe('lintDesign: the example designs', () => {
  it.each([
    ['food business permit', foodPermitInput()],
    ['construction permit', constructionPermitInput()],
  ])('the %s passes recommended with no finding at all', (_, design) => {
    const report = lintDesign(design);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.items).toEqual([design.id]);
  });

  it('the construction permit passes strict too (its post has a backup)', () => {
    expect(lintDesign(constructionPermitInput(), { preset: 'strict' }).ok).toBe(
      true,
    );
  });
});

describe('lintDesign: a library of broken designs, each caught by its rule', () => {
  it('holds at least 20 designs and covers every static rule', () => {
    expect(brokenDesigns.length).toBeGreaterThanOrEqual(20);
  });

  for (const { rule, code, broken, design } of brokenDesigns) {
    it(`${code}: ${rule} catches ${broken}`, () => {
      const report = lintDesign(design, { preset: 'strict' });
      const found = report.findings.filter((f) => f.rule === rule);
      expect(found.length, rulesOf(report).join(', ')).toBeGreaterThan(0);
      expect(found.map((f) => f.code)).toContain(code);
      expect(report.ok).toBe(false);
      for (const f of found) {
        expect(f.message).not.toBe('');
        expect(f.messageZh).not.toBe('');
        expect(f.basis).toBe(RULES.find((r) => r.id === rule)?.basis);
      }
    });
  }

  it('ALL-42-DECIDE-20D: the deadlock comes with a witness path to the stuck state', () => {
    const report = lintDesign(
      brokenDesigns.find((d) => d.rule === 'end-reachable')?.design,
    );
    const deadlock = report.findings.find((f) => f.rule === 'end-reachable');
    const last = deadlock?.witness?.at(-1);
    expect(last?.to).toContain('fire=waiting');
    expect(last?.to).toContain('planning=reject');
  });

  it('ALL-42-DECIDE-20D: the worst case names the departments on the critical path, in working days', () => {
    const report = lintDesign(
      brokenDesigns.find((d) => d.rule === 'decision-within-statutory')?.design,
    );
    const late = report.findings.find(
      (f) => f.rule === 'decision-within-statutory',
    );
    expect(late?.message).toContain('25 working days');
    expect(late?.witness?.map((s) => s.days)).toEqual([10, 10, 5, 0]);
  });

  it('ALL-42-DECIDE-20D: a department clock longer than the statutory limit bounds nothing', () => {
    const design = constructionPermitInput();
    if (design.review.mode !== 'parallel') throw new Error('parallel');
    const [first] = design.review.departments;
    if (first) first.limitDays = 50;
    const report = lintDesign(design);
    expect(
      report.findings
        .filter((f) => f.rule === 'human-step-clock')
        .map((f) => f.path?.join('.')),
    ).toEqual(['review.departments.0.limitDays']);
  });

  it('SVC-LIMITS: the promised limit is a warning, which recommended lets pass', () => {
    const design = brokenDesigns.find(
      (d) => d.rule === 'decision-within-promised',
    )?.design;
    const report = lintDesign(design);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['decision-within-promised', 'warning'],
    ]);
    expect(report.ok).toBe(true);
    expect(lintDesign(design, { preset: 'strict' }).ok).toBe(false);
  });

  it('reports every problem of a raw design at once, without throwing', () => {
    const design = foodPermitInput() as unknown as Record<string, unknown>;
    design.issuance = { days: 15 };
    design.limits = {
      statutory: { days: 20, basis: 'x' },
      promised: { days: 30 },
    };
    const report = lintDesign(design);
    expect(rulesOf(report)).toEqual(
      expect.arrayContaining([
        'issuance-within-10d',
        'promised-within-statutory',
      ]),
    );
    expect(lintDesign('not a design').findings[0]?.rule).toBe(
      'valid-definition',
    );
  });
});

describe('lintDesign: structure read from what core compiles', () => {
  /** A compiler whose case machine graph is changed, to show the rule reads it. */
  const withGraph =
    (
      change: (graph: CompiledItem['graph']) => CompiledItem['graph'],
    ): NonNullable<LintOptions['compile']> =>
    (item, options) => {
      const compiled = compileItem(item, options);
      return { ...compiled, graph: change(compiled.graph) };
    };
  const withActor =
    (name: string, machine: unknown): NonNullable<LintOptions['compile']> =>
    (item: ItemDefinition, options) => {
      const compiled = compileItem(item, options);
      const real = compiled.machine as unknown as {
        root: unknown;
        implementations: { actors: Record<string, unknown> };
      };
      return {
        ...compiled,
        machine: {
          root: real.root,
          implementations: {
            actors: { ...real.implementations.actors, [name]: machine },
          },
        } as never,
      };
    };

  it('ALL-42-DECIDE-20D: an unguarded cycle of always transitions', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        ...graph,
        transitions: [
          ...graph.transitions,
          {
            source: 'case.issuing',
            event: '',
            targets: ['case.rating'],
            guard: null,
          },
          {
            source: 'case.rating',
            event: '',
            targets: ['case.issuing'],
            guard: null,
          },
        ],
      })),
    });
    const cycle = report.findings.find((f) => f.rule === 'no-always-cycle');
    expect(cycle?.witness?.map((s) => s.from).sort()).toEqual([
      'issuing',
      'rating',
    ]);
  });

  it('ALL-42-DECIDE-20D: a state with no way out is a deadlock, with the path there', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        ...graph,
        // Revocation and lapse leave any state from the root: take them too.
        transitions: graph.transitions.filter(
          (t) => t.source !== 'case.issuing' && t.source !== 'case',
        ),
      })),
    });
    const stuck = report.findings.filter((f) => f.rule === 'end-reachable');
    expect(stuck.map((f) => f.message)).toEqual([
      'deadlock: a case in issuing can never move on',
    ]);
    expect(stuck[0]?.messageZh).toContain('死锁');
    expect(stuck[0]?.witness?.at(-1)?.to).toBe('issuing');
    expect(report.ok).toBe(false);
  });

  it('ALL-42-DECIDE-20D: states that only lead to each other are a livelock', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        states: [
          ...graph.states,
          { id: 'case.onHold', final: false, parent: 'case' },
        ],
        transitions: [
          ...graph.transitions.filter(
            (t) => t.source !== 'case.issuing' && t.source !== 'case',
          ),
          {
            source: 'case.issuing',
            event: 'HOLD',
            targets: ['case.onHold'],
            guard: null,
          },
          {
            source: 'case.onHold',
            event: 'RELEASE',
            targets: ['case.issuing'],
            guard: null,
          },
        ],
      })),
    });
    const stuck = report.findings
      .filter((f) => f.rule === 'end-reachable')
      .map((f) => f.message);
    expect(stuck).toEqual([
      'livelock: a case in issuing can move but never reach an end',
      'livelock: a case in onHold can move but never reach an end',
    ]);
  });

  it('SVC-NO-VETO: a refusal reachable without the supervisor', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        ...graph,
        transitions: [
          ...graph.transitions,
          {
            source: 'case.submitted',
            event: 'REFUSE',
            targets: ['case.refused'],
            guard: 'may',
          },
        ],
      })),
    });
    expect(rulesOf(report)).toContain('refusal-confirmed');
  });

  it('ALL-38-DENY: a denial without the remedies guard', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        ...graph,
        transitions: graph.transitions.map((t) =>
          t.event === 'DENY' ? { ...t, guard: 'may' } : t,
        ),
      })),
    });
    expect(rulesOf(report)).toContain('denial-remedies');
  });

  it('SVC-RATING: no rating step', () => {
    const report = lintDesign(foodPermitInput(), {
      compile: withGraph((graph) => ({
        ...graph,
        transitions: graph.transitions.filter((t) => t.event !== 'RATE'),
      })),
    });
    expect(rulesOf(report)).toContain('rating-step');
  });

  it('SVC-ONE-NOTICE: a correction that can be notified twice', () => {
    const acceptance = createMachine({
      id: 'tolerantAcceptance',
      initial: 'checking',
      states: {
        checking: { on: { MATERIALS_CHECKED: 'correction' } },
        correction: {
          initial: 'noticePending',
          states: {
            noticePending: { on: { ISSUE_NOTICE: 'awaitingApplicant' } },
            awaitingApplicant: { on: { ISSUE_NOTICE: 'awaitingApplicant' } },
          },
          on: { MATERIALS_SUPPLIED: 'accepted' },
        },
        accepted: { type: 'final' },
      },
    });
    const report = lintDesign(foodPermitInput(), {
      compile: withActor('tolerantAcceptance', acceptance),
    });
    expect(rulesOf(report)).toContain('one-merged-notice');
  });

  it('GZ-CHOICE: a commitment the applicant cannot decline', () => {
    const commitment = createMachine({
      id: 'notificationCommitment',
      initial: 'eligibility',
      states: {
        eligibility: { always: 'noticing' },
        noticing: { on: { GIVE_NOTICE: 'choosing' } },
        choosing: { on: { CHOOSE_COMMITMENT: 'deciding' } },
        deciding: { on: { DECIDE: 'granted' } },
        granted: {
          initial: 'verifying',
          states: { verifying: { on: { VERIFY: 'verified' } }, verified: {} },
          on: { REVOKE: 'revoked' },
        },
        revoked: { type: 'final' },
        ordinaryRoute: { type: 'final' },
      },
    });
    const report = lintDesign(foodPermitInput(), {
      compile: withActor('notificationCommitment', commitment),
    });
    expect(rulesOf(report)).toContain('commitment-choice');
  });
});

describe('lintDesign: presets, rule settings and suppressions', () => {
  const noBackup = brokenDesigns.find((d) => d.rule === 'backup-post')?.design;

  it('SVC-AB-POST: a warning in recommended, an error in strict', () => {
    expect(lintDesign(noBackup).findings[0]?.severity).toBe('warning');
    expect(lintDesign(noBackup).ok).toBe(true);
    expect(
      lintDesign(noBackup, { preset: 'strict' }).findings[0]?.severity,
    ).toBe('error');
  });

  it('SVC-AB-POST: strict also asks an item with no post to name one', () => {
    const report = lintDesign(foodPermitInput(), { preset: 'strict' });
    expect(report.findings.map((f) => [f.rule, f.path?.join('.')])).toEqual([
      ['backup-post', 'roles.handler'],
    ]);
  });

  it('sets a rule off, or to another severity', () => {
    expect(
      lintDesign(noBackup, { rules: { 'backup-post': 'off' } }).findings,
    ).toEqual([]);
    const raised = lintDesign(noBackup, { rules: { 'backup-post': 'error' } });
    expect(raised.ok).toBe(false);
  });

  it('a suppression keeps the finding, marked with its reason, and lets the design pass', () => {
    const design = brokenDesigns.find((d) => d.rule === 'rating-step')?.design;
    const report = lintDesign(design, {
      suppress: [
        {
          rule: 'rating-step',
          item: 'food-business-permit',
          reason: '某省好差评实施办法 sets 30 working days for this item',
        },
      ],
    });
    expect(report.ok).toBe(true);
    expect(report.findings[0]?.suppressed).toContain('30 working days');
    const other = lintDesign(design, {
      suppress: [
        { rule: 'rating-step', item: 'another-item', reason: 'elsewhere' },
      ],
    });
    expect(other.ok).toBe(false);
  });

  it.each([
    [{ preset: 'lenient' }],
    [{ rules: { 'no-such-rule': 'error' } }],
    [{ rules: { 'backup-post': 'fatal' } }],
    [{ suppress: [{ rule: 'rating-step', reason: '  ' }] }],
    [{ stateCap: 0 }],
    [{ calendar: {} }],
    [{ colour: true }],
  ])('INVALID_LINT_CONFIG for %j', (options) => {
    expect(codeOf(() => lintDesign(foodPermitInput(), options as never))).toBe(
      'INVALID_LINT_CONFIG',
    );
  });

  it('lints every item of a chain, each finding naming its item', () => {
    const broken = brokenDesigns.find(
      (d) => d.rule === 'issuance-within-10d',
    )?.design;
    const report = lintDesign({
      items: [{ item: constructionPermitInput() }, { item: broken }],
    });
    expect(report.items).toEqual([
      'construction-permit',
      'food-business-permit',
    ]);
    expect(report.findings.map((f) => [f.itemId, f.rule])).toEqual([
      ['food-business-permit', 'issuance-within-10d'],
    ]);
  });

  it('ALL-42-DECIDE-20D: reports "inconclusive" when the soundness search hits its state cap', () => {
    const design = constructionPermitInput() as unknown as {
      review: { departments: Record<string, unknown>[] };
    };
    design.review.departments = Array.from({ length: 8 }, (_, i) => ({
      id: `d${i}`,
      name: `D${i}`,
      nameZh: `部门${i}`,
      limitDays: 5,
      onTimeout: { action: 'escalate' },
    }));
    const report = lintDesign(design, { stateCap: 500 });
    const inconclusive = report.findings.find(
      (f) => f.rule === 'end-reachable',
    );
    expect(inconclusive?.severity).toBe('warning');
    expect(inconclusive?.message).toContain('inconclusive');
    expect(report.ok).toBe(true);
  });
});
