import type { ItemDefinition } from '@kuaiban/core';
import { joinOutcome } from '@kuaiban/machines';

/** `joinOutcome` for every combination of opinions, computed once (up to 9 departments; beyond, on demand). */
export function joinTable(item: ItemDefinition): (code: number) => number {
  const review = item.review;
  if (review.mode !== 'parallel') return () => 0;
  const ids = review.departments.map((d) => d.id);
  const outcome = (code: number): number => {
    const opinions: Record<string, 'approve' | 'reject'> = {};
    let rest = code;
    for (const id of ids) {
      const digit = rest % 3;
      rest = (rest - digit) / 3;
      if (digit !== 0) opinions[id] = digit === 1 ? 'approve' : 'reject';
    }
    const result = joinOutcome(review, opinions);
    return result === null ? 0 : result === 'approved' ? 1 : 2;
  };
  if (ids.length > 9) return outcome;
  const table = Uint8Array.from({ length: 3 ** ids.length }, (_, code) =>
    outcome(code),
  );
  return (code) => table[code]!;
}
