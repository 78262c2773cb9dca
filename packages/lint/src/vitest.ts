/**
 * `expect(design).toComply()`: the lint as a vitest matcher. Importing this
 * module registers it.
 *
 * @example
 * import '@kuaiban/lint/vitest';
 * expect(foodPermit).toComply();
 * expect(foodPermit).toComply({ preset: 'strict' });
 *
 * @packageDocumentation
 */
import { expect } from 'vitest';
import { formatFinding } from './formatText.js';
import { failing } from './lintConfig.js';
import type { LintOptions } from './lintDesign.js';
import { lintDesign } from './lintDesign.js';

/** The matcher: passes when the design has no unsuppressed error-level finding. */
export function toComply(received: unknown, options: LintOptions = {}) {
  const report = lintDesign(received, options);
  const errors = report.findings.filter(failing);
  const items = report.items.join(', ');
  return {
    pass: report.ok,
    message: () =>
      report.ok
        ? `expected design ${items} not to comply with preset ${report.preset}, but it has no error-level finding`
        : [
            `expected design ${items} to comply with preset ${report.preset}, but ${errors.length} rule(s) failed:`,
            ...errors.flatMap(formatFinding),
          ].join('\n'),
  };
}

interface ComplianceMatchers<R = unknown> {
  /** The design passes the lint (default preset `recommended`). */
  toComply: (options?: LintOptions) => R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends ComplianceMatchers<T> {}
}

expect.extend({ toComply });
