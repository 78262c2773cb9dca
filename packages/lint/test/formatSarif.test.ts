import { toJsonl } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { foodPermitInput } from '../../core/test/items.js';
import {
  RULES,
  checkConformance,
  formatSarif,
  formatText,
  lintDesign,
} from '../src/index.js';
import { foodPermitHistories } from './engineLogs.js';
import { brokenDesigns } from './brokenDesigns.js';

/** The parts of SARIF 2.1.0 (OASIS) that code-scanning tools require. */
const Sarif = z.object({
  $schema: z.string().url(),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.string().min(1),
            version: z.string(),
            informationUri: z.string().url().optional(),
            rules: z.array(
              z.object({
                id: z.string().min(1),
                shortDescription: z.object({ text: z.string().min(1) }),
                helpUri: z.string().url().optional(),
                defaultConfiguration: z.object({
                  level: z.enum(['none', 'note', 'warning', 'error']),
                }),
              }),
            ),
          }),
        }),
        results: z.array(
          z.object({
            ruleId: z.string(),
            ruleIndex: z.int().min(0),
            level: z.enum(['none', 'note', 'warning', 'error']),
            message: z.object({ text: z.string().min(1) }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z
                    .object({
                      artifactLocation: z.object({ uri: z.string().min(1) }),
                    })
                    .optional(),
                  logicalLocations: z.array(
                    z.object({
                      name: z.string(),
                      fullyQualifiedName: z.string(),
                    }),
                  ),
                }),
              )
              .min(1),
            suppressions: z
              .array(
                z.object({
                  kind: z.enum(['inSource', 'external']),
                  justification: z.string().min(1),
                }),
              )
              .optional(),
          }),
        ),
      }),
    )
    .length(1),
});

describe('formatSarif', () => {
  it('is valid SARIF 2.1.0 with every rule and every finding, each pointing at its rule', () => {
    const findings = brokenDesigns.flatMap(
      (d) => lintDesign(d.design).findings,
    );
    const report = { ...lintDesign(foodPermitInput()), findings };
    const sarif = Sarif.parse(
      JSON.parse(
        JSON.stringify(
          formatSarif(report, {
            artifactUri: 'design.json',
            docsUri: 'https://example.org/docs/lint/README.md',
          }),
        ),
      ),
    );
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(
      RULES.map((r) => r.id),
    );
    expect(run?.tool.driver.rules[0]?.helpUri).toBe(
      'https://example.org/docs/lint/README.md#valid-definition',
    );
    expect(run?.results).toHaveLength(findings.length);
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it('marks a suppressed finding with its justification, and warnings as warnings', () => {
    const design = brokenDesigns.find((d) => d.rule === 'rating-step')?.design;
    const report = lintDesign(design, {
      suppress: [
        { rule: 'rating-step', reason: 'local rule: 30 working days' },
      ],
    });
    const sarif = Sarif.parse(formatSarif(report));
    expect(sarif.runs[0]?.results[0]?.suppressions).toEqual([
      { kind: 'external', justification: 'local rule: 30 working days' },
    ]);
    const warned = Sarif.parse(
      formatSarif(
        lintDesign(brokenDesigns.find((d) => d.rule === 'backup-post')?.design),
      ),
    );
    expect(warned.runs[0]?.results[0]?.level).toBe('warning');
  });
});

describe('formatText', () => {
  it('shows each finding with its code, place, both languages, basis and witness', () => {
    const design = brokenDesigns.find(
      (d) => d.rule === 'decision-within-statutory',
    )?.design;
    const text = formatText(lintDesign(design));
    expect(text).toContain(
      '✖ error decision-within-statutory (ALL-42-DECIDE-20D) construction-permit limits.statutory.days',
    );
    expect(text).toContain('受理至决定的最长路径需 25 个工作日');
    expect(text).toContain('basis: 中华人民共和国行政许可法 art. 42');
    expect(text).toContain(
      '    accepted --planning reviews to the end of its limit--> planning decided (10 wd)',
    );
    expect(text).toContain(
      '1 item(s), preset recommended: 1 error(s), 1 warning(s)',
    );
  });

  it('shows a suppression and its reason', () => {
    const design = brokenDesigns.find((d) => d.rule === 'rating-step')?.design;
    const text = formatText(
      lintDesign(design, {
        suppress: [{ rule: 'rating-step', reason: 'local rule' }],
      }),
    );
    expect(text).toContain('[suppressed]');
    expect(text).toContain('  suppressed: local rule');
    expect(text).toContain('— complies');
  });

  it('ALL-42-DECIDE-20D: a conformance finding points at its case, with the log events as evidence', async () => {
    const food = foodPermitInput();
    const histories = await foodPermitHistories(food, [
      { reviewOn: '2025-10-20' },
    ]);
    const report = checkConformance(food, toJsonl(histories));
    const sarif = formatSarif(report, { artifactUri: 'cases.jsonl' });
    expect(Sarif.parse(sarif).runs[0]?.results).toHaveLength(1);
    const [result] = sarif.runs[0]?.results ?? [];
    expect(result?.locations[0]?.logicalLocations[0]).toEqual({
      name: 'case-0001',
      fullyQualifiedName: 'food-business-permit/case-0001',
      kind: 'object',
    });
    expect(
      result?.properties.evidence?.map((e) => `${e.activity} ${e.at}`),
    ).toEqual([
      'MATERIALS_CHECKED 2025-09-01T10:00:00.000+08:00',
      'APPROVE 2025-10-20T10:00:00.000+08:00',
    ]);
  });
});
