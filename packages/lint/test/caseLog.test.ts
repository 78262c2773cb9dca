import { KuaibanError } from '@kuaiban/calendar';
import { describe, expect, it } from 'vitest';
import { chinaDate, readCaseLog, readJsonl, readXes } from '../src/caseLog.js';

const xes = (events: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="2.0"><trace>${head}<string key="concept:name" value="c-1"/><string key="itemId" value="food"/>${events}</trace></log>`;

const event = (attributes: Record<string, string>) =>
  `<event>${Object.entries(attributes)
    .map(([key, value]) => `<string key="${key}" value="${value}"/>`)
    .join('')}</event>`;

const submit = {
  'concept:name': 'SUBMIT',
  'time:timestamp': '2025-09-01T10:00:00.000+08:00',
  'org:resource': 'bakery&amp;co',
  'org:role': 'applicant',
  sequence: '1',
};

function thrown(run: () => unknown): KuaibanError {
  try {
    run();
  } catch (error) {
    if (error instanceof KuaibanError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('caseLog', () => {
  it('TIME-NEXT-DAY: dates are Shanghai dates, whatever the offset of the moment', () => {
    expect(chinaDate('2025-09-01T10:00:00.000+08:00')).toBe('2025-09-01');
    // 20:00 UTC is 04:00 the next morning in Shanghai.
    expect(chinaDate('2025-09-01T20:00:00.000Z')).toBe('2025-09-02');
    const [trace] = readJsonl(
      '{"caseId":"c","itemId":"i","sequence":1,"at":"2025-09-01T20:00:00Z","activity":"SUBMIT","actor":"a","role":"applicant","state":"submitted"}',
    ).cases;
    expect(trace?.events[0]?.date).toBe('2025-09-02');
  });

  it('reads XES attributes with their entities, group, state and reason', () => {
    const log = readXes(
      xes(
        event({
          ...submit,
          'org:group': '&#x5E02;&#24066;监局',
          state: 'submitted',
          reason: '&lt;补正&gt; &quot;x&quot; &apos;y&apos; &unknown;',
        }),
      ),
    );
    const first = log.cases[0]?.events[0];
    expect(first).toMatchObject({
      actor: 'bakery&co',
      department: '市市监局',
      state: 'submitted',
      reason: '<补正> "x" \'y\' &unknown;',
      command: null,
    });
    expect(readCaseLog(`  ${xes(event(submit))}`).cases).toHaveLength(1);
  });

  it('a nested state value is kept as JSON text, a missing one as null', () => {
    const line = (sequence: number, state: string) =>
      `{"caseId":"c","itemId":"i","sequence":${sequence},"at":"2025-09-01T10:00:00+08:00","activity":"SUBMIT","actor":"a","role":"applicant","state":${state}}`;
    const events = readCaseLog(
      [line(1, '{"reviewing":"site"}'), '', line(2, 'null')].join('\n'),
    ).cases[0]?.events;
    expect(events?.map((e) => e.state)).toEqual(['{"reviewing":"site"}', null]);
  });

  it('INVALID_CASE_LOG names the line and the field, in English and Chinese', () => {
    const error = thrown(() =>
      readJsonl(
        '\n{"caseId":"c","itemId":"i","sequence":0,"at":"2025-09-01T10:00:00+08:00","activity":"SUBMIT","actor":"a","role":"r","state":null}',
      ),
    );
    expect(error.code).toBe('INVALID_CASE_LOG');
    expect(error.message).toContain('line 2: sequence');
    expect(error.messageZh).toContain('第 2 行');
  });

  it('INVALID_CASE_LOG names the trace and event of a bad XES sequence number', () => {
    const error = thrown(() =>
      readXes(xes(event(submit) + event({ ...submit, sequence: 'two' }))),
    );
    expect(error.code).toBe('INVALID_CASE_LOG');
    expect(error.message).toContain('trace c-1, event 2: sequence');
    expect(error.messageZh).toContain('轨迹 c-1 第 2 个事件');
    expect(error.issues[0]?.path).toEqual(['sequence']);
    expect(error.messageZh).toContain('应为序号');
  });

  it('INVALID_CASE_LOG for a whole audit entry without its actor', () => {
    const error = thrown(() =>
      readJsonl(
        '{"caseId":"c","itemId":"i","sequence":1,"at":"2025-09-01T10:00:00+08:00","command":{"type":"SUBMIT"},"state":null}',
      ),
    );
    expect(error.message).toContain('line 1: actor');
  });
});
