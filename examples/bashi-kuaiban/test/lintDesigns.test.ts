import { lintDesign } from '@kuaiban/lint';
import { describe, expect, it } from 'vitest';
import { designFiles } from '../src/generatedFiles.js';
import type { DesignLint } from '../src/lintDesigns.js';
import { formatLint, lintDesigns } from '../src/lintDesigns.js';

describe('lintDesigns', () => {
  const files = designFiles();
  const results = lintDesigns(files);

  it('finds no error in any design: every limit, commitment and deemed outcome has its basis', () => {
    expect(results.filter((r) => !r.ok).map((r) => r.path)).toEqual([]);
    expect(results.map((r) => r.path)).toEqual(files.map((f) => f.path));
  });

  it('keeps every warning and error of lintDesign, and leaves out information', () => {
    files.forEach((file, index) => {
      const report = lintDesign(file.design);
      expect(results[index]!.findings).toEqual(
        report.findings.filter((f) => f.severity !== 'info'),
      );
      expect(results[index]!.warnings).toBe(report.warnings);
    });
  });

  it('ZZ-OPTIMIZE: warns about the pre-reform permits, which publish no shorter promise', () => {
    const before = results.filter((r) =>
      r.path.startsWith('designs/before-construction-permit'),
    );
    expect(before).toHaveLength(1);
    expect(before[0]!.findings.map((f) => f.code)).toContain('ZZ-OPTIMIZE');
  });

  it('prints the total, then each distinct finding once with the item files it was found in', () => {
    const finding = {
      rule: 'backup-post',
      code: 'SVC-AB-POST',
      severity: 'warning',
      message: 'the handling post has no backup',
    } as unknown as DesignLint['findings'][number];
    const lint = (
      path: string,
      findings: DesignLint['findings'],
    ): DesignLint => ({
      path,
      ok: true,
      errors: 0,
      warnings: findings.length,
      findings,
    });
    expect(
      formatLint([
        lint('designs/a.json', [finding]),
        lint('designs/b.json', []),
        lint('designs/c.json', [finding]),
        lint('designs/x.chain.json', [finding, finding]),
      ]),
    ).toEqual([
      'lint: 4 designs, 0 errors, 4 warnings',
      '  warning SVC-AB-POST the handling post has no backup',
      '    in designs/a.json, designs/c.json',
    ]);
  });
});
