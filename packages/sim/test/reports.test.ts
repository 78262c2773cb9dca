import { OcelLogSchema, verifyHistory } from '@kuaiban/core';
import { describe, expect, it } from 'vitest';
import {
  compareDesigns,
  htmlReport,
  kpiText,
  simulate,
  simulatedEventLogs,
  simulatedHistories,
} from '../src/index.js';
import { constructionPermitInput, foodPermitInput } from './fixtures.js';

describe('reports', () => {
  it('prints the KPI table with the cycle time, on-time rates and the bottleneck', async () => {
    const { kpi } = await simulate(constructionPermitInput(), {
      cases: 200,
      replications: 2,
    });
    const text = kpiText(kpi);
    expect(text).toContain('建筑工程施工许可');
    expect(text).toContain(`${kpi.cycleTime.workingDays.mean.toFixed(1)} wd`);
    expect(text).toContain('decided within promise');
    expect(text).toContain(
      `1. ${kpi.bottlenecks[0]!.department} ${kpi.bottlenecks[0]!.role}`,
    );
  });

  it('writes an HTML report with inline SVG charts, and the what-if side by side', async () => {
    const { baseline, alternative, comparison } = await compareDesigns(
      foodPermitInput(),
      constructionPermitInput(),
      {
        cases: 200,
        replications: 2,
      },
    );
    const single = htmlReport(baseline);
    expect(single).toMatch(/^<!doctype html>/);
    expect(single.match(/<svg /g)?.length).toBe(5);
    const sample =
      baseline.traces.find((t) => t.tasks.length > 2) ?? baseline.traces[0]!;
    expect(single).toContain(`A sample case 样本办件 ${sample.caseId}`);
    expect(single).not.toContain('<script');
    const both = htmlReport(baseline, { alternative, comparison });
    expect(both).toContain('What if');
    expect(both.match(/<svg /g)?.length).toBe(12);
  });

  it('exports simulated cases through the exporters of real ones: XES, OCEL 2.0, JSON Lines and CSV', async () => {
    const simulation = await simulate(foodPermitInput(), {
      cases: 50,
      replications: 1,
      traceCases: 6,
    });
    const histories = simulatedHistories(
      simulation.model.item,
      simulation.traces,
    );
    expect(histories).toHaveLength(6);
    for (const history of histories)
      expect(verifyHistory(history.entries).ok).toBe(true);
    const logs = simulatedEventLogs(simulation.model.item, simulation.traces);
    const events = histories.reduce((n, h) => n + h.entries.length, 0);
    expect(logs.xes.startsWith('<?xml')).toBe(true);
    expect(logs.xes.match(/<trace>/g)).toHaveLength(6);
    expect(OcelLogSchema.parse(logs.ocel).events).toHaveLength(events);
    expect(logs.jsonl.trim().split('\n')).toHaveLength(events);
    const rows = logs.csv.trim().split('\n');
    expect(rows[0]).toBe(
      'caseId,itemId,sequence,at,activity,actor,role,state,commandId,reason',
    );
    expect(rows).toHaveLength(events + 1);
    expect(rows[1]).toMatch(
      /^sim-0-\d+,food-business-permit,1,.*,SUBMIT,applicant,applicant,submitted,,$/,
    );
  });
});
