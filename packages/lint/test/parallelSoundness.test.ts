import { describe, expect, it } from 'vitest';
import { parallelSoundness } from '../src/index.js';

const department = (
  id: string,
  dependsOn: string[] = [],
  deem?: 'approve' | 'reject',
) => ({
  id,
  name: id,
  nameZh: id,
  limitDays: 5,
  weight: 1,
  dependsOn,
  onTimeout: deem
    ? {
        action: 'deem' as const,
        opinion: deem,
        basis: '政府信息公开条例 art. 34',
      }
    : { action: 'escalate' as const },
});

describe('parallelSoundness', () => {
  it('GC-LEAD: a review whose departments wait on their prerequisites is sound', () => {
    const result = parallelSoundness(
      {
        departments: [department('planning'), department('fire', ['planning'])],
        join: { policy: 'all' },
        rejection: 'short-circuit',
      },
      1000,
    );
    expect(result.outcome).toBe('sound');
    expect(result.approvedReachable && result.rejectedReachable).toBe(true);
    expect(result.toApproval?.map((s) => s.event)).toEqual([
      'planning: OPINION approve',
      'fire: OPINION approve',
    ]);
  });

  it('ALL-42-DECIDE-20D: departments waiting on each other deadlock, with the path there', () => {
    const result = parallelSoundness(
      {
        departments: [
          department('a', ['b']),
          department('b', ['a']),
          department('c'),
        ],
        join: { policy: 'any' },
        rejection: 'short-circuit',
      },
      1000,
    );
    expect(result.outcome).toBe('unsound');
    expect(result.stuck?.at(-1)?.to).toBe('a=waiting, b=waiting, c=reject');
  });

  it('DEEM-APPROVAL: a deemed approval decides on timeout', () => {
    const result = parallelSoundness(
      {
        departments: [department('a', [], 'approve')],
        join: { policy: 'all' },
        rejection: 'collect-all',
      },
      1000,
    );
    expect(result.outcome).toBe('sound');
    expect(result.visited).toBe(4);
  });

  it('stops at the state cap and says it cannot tell', () => {
    const many = Array.from({ length: 6 }, (_, i) => department(`d${i}`));
    const result = parallelSoundness(
      { departments: many, join: { policy: 'all' }, rejection: 'collect-all' },
      50,
    );
    expect(result.outcome).toBe('inconclusive');
    expect(result.visited).toBe(50);
    expect(result.stuck).toBeNull();
  });
});
