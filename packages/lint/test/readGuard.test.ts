import { describe, expect, it } from 'vitest';
import type { Reading } from '../src/readGuard.js';
import { parseGuard, readGuard } from '../src/readGuard.js';

const atoms: Record<string, Reading> = {
  yes: { actual: 'T', intended: 'T' },
  no: { actual: 'F', intended: 'F' },
  dead: { actual: 'F', intended: '?' },
};
const read = (guard: string | null) =>
  readGuard(guard, (name) => atoms[name] ?? { actual: '?', intended: '?' });

describe('readGuard', () => {
  it('parses the guard names machineGraph prints', () => {
    expect(parseGuard('and(may, not(lastStep))')).toEqual({
      name: 'and',
      args: [
        { name: 'may', args: [] },
        { name: 'not', args: [{ name: 'lastStep', args: [] }] },
      ],
    });
  });

  it.each([
    [null, 'T', 'T'],
    ['and(yes, open)', '?', '?'],
    ['and(yes, dead)', 'F', '?'],
    ['or(no, yes)', 'T', 'T'],
    ['or(no, no)', 'F', 'F'],
    ['not(no)', 'T', 'T'],
    ['not(open)', '?', '?'],
    ['not()', '?', '?'],
  ])(
    '%s reads %s as the design runs, %s as it is meant',
    (guard, actual, intended) => {
      expect(read(guard)).toEqual({ actual, intended });
    },
  );
});
