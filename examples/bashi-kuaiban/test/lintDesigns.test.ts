import { describe, expect, it } from 'vitest';
import { designFiles } from '../src/generatedFiles.js';
import { formatLint, lintDesigns } from '../src/lintDesigns.js';

describe('lintDesigns', () => {
  const results = lintDesigns(designFiles());

  it('finds no error in any design: every limit, commitment and deemed outcome has its basis', () => {
    expect(results.filter((r) => !r.ok).map((r) => r.path)).toEqual([]);
    expect(results).toHaveLength(47);
  });

  it('SVC-LIMITS: warns that the 1-day transfer can be missed when a department escalates the next day', () => {
    const transfer = results.find(
      (r) => r.path === 'designs/property-transfer.json',
    );
    expect(transfer?.findings.map((f) => f.code)).toEqual(['SVC-LIMITS']);
  });

  it('ZZ-OPTIMIZE: warns about the pre-reform permits, which publish no shorter promise', () => {
    const before = results.filter(
      (r) => r.path.startsWith('designs/before-') && r.path.includes('permit'),
    );
    expect(before.length).toBeGreaterThan(0);
    for (const result of before) {
      expect(result.findings.map((f) => f.code)).toContain('ZZ-OPTIMIZE');
    }
  });

  it('prints the total, then each distinct finding with the item files it was found in', () => {
    const lines = formatLint(results);
    expect(lines[0]).toMatch(/^lint: 47 designs, 0 errors, \d+ warnings$/);
    expect(lines.some((l) => l.includes('.chain.json'))).toBe(false);
    const limits = lines.findIndex((l) => l.startsWith('  warning SVC-LIMITS'));
    expect(lines[limits + 1]).toBe('    in designs/property-transfer.json');
    const optimize = lines.findIndex((l) =>
      l.startsWith('  warning ZZ-OPTIMIZE'),
    );
    expect(lines[optimize + 1]).toContain(
      'designs/before-construction-permit.json',
    );
  });
});
