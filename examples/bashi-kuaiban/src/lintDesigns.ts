import type { Finding } from '@kuaiban/lint';
import { lintDesign } from '@kuaiban/lint';
import type { DesignFile } from './generatedFiles.js';

/** One design's lint result, as the demo prints it. */
export interface DesignLint {
  readonly path: string;
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** Warnings and errors (information findings left out). */
  readonly findings: readonly Finding[];
}

/**
 * Lints every design file with the default preset, as `kuaiban lint
 * designs/x.json` would.
 */
export function lintDesigns(files: readonly DesignFile[]): DesignLint[] {
  return files.map((file) => {
    const report = lintDesign(file.design);
    return {
      path: file.path,
      ok: report.ok,
      errors: report.errors,
      warnings: report.warnings,
      findings: report.findings.filter((f) => f.severity !== 'info'),
    };
  });
}

/**
 * The lint results as lines: a total, then each distinct finding with the
 * item files it was found in (a chain repeats its items' findings, so chain
 * files are left out).
 */
export function formatLint(results: readonly DesignLint[]): string[] {
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const warnings = results.reduce((sum, r) => sum + r.warnings, 0);
  const found = new Map<string, string[]>();
  for (const result of results) {
    if (result.path.endsWith('.chain.json')) continue;
    for (const finding of result.findings) {
      const key = `${finding.severity} ${finding.code} ${finding.message}`;
      found.set(key, [...(found.get(key) ?? []), result.path]);
    }
  }
  return [
    `lint: ${results.length} designs, ${errors} errors, ${warnings} warnings`,
    ...[...found].flatMap(([key, paths]) => [
      `  ${key}`,
      `    in ${paths.join(', ')}`,
    ]),
  ];
}
