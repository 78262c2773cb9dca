import type { ConformanceReport } from './checkConformance.js';
import type { Finding } from './Finding.js';
import type { LintReport } from './lintDesign.js';
import { RULES } from './rules.js';

/** Where a finding points: the design file, or the case log. */
export interface SarifOptions {
  readonly artifactUri?: string;
  /** Where the rule catalogue is published (docs/lint/README.md); rules link to their anchors. */
  readonly docsUri?: string;
  readonly version?: string;
}

const LEVEL: Readonly<
  Record<Finding['severity'], 'error' | 'warning' | 'note'>
> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A report as SARIF 2.1.0 for code-scanning tools: one run, the rule
 * catalogue as the driver's rules, one result per finding with its level,
 * message, logical location (item, path) and, for suppressed findings, the
 * suppression and its justification.
 *
 * @example
 * const sarif = formatSarif(lintDesign(design), { artifactUri: 'design.json' });
 * sarif.version; // '2.1.0'
 */
export function formatSarif(
  report: LintReport | ConformanceReport,
  options: SarifOptions = {},
) {
  const index = new Map(RULES.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'kuaiban-lint',
            ...(options.docsUri ? { informationUri: options.docsUri } : {}),
            version: options.version ?? '0.1.0',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: {
                text: `${rule.description} (${rule.code}; ${rule.basis}) ${rule.descriptionZh}`,
              },
              ...(options.docsUri
                ? { helpUri: `${options.docsUri}#${rule.id}` }
                : {}),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: {
                code: rule.code,
                kind: rule.kind,
                basis: rule.basis,
              },
            })),
          },
        },
        results: report.findings.map((found) => ({
          ruleId: found.rule,
          ruleIndex: index.get(found.rule) ?? -1,
          level: LEVEL[found.severity],
          message: { text: `${found.message} — ${found.messageZh}` },
          locations: [
            {
              ...(options.artifactUri
                ? {
                    physicalLocation: {
                      artifactLocation: { uri: options.artifactUri },
                    },
                  }
                : {}),
              logicalLocations: [
                {
                  name: found.caseId ?? found.itemId ?? 'design',
                  fullyQualifiedName: [
                    found.itemId,
                    found.caseId,
                    ...(found.path ?? []),
                  ]
                    .filter((part) => part !== undefined)
                    .join('/'),
                  kind: found.caseId ? 'object' : 'module',
                },
              ],
            },
          ],
          ...(found.suppressed
            ? {
                suppressions: [
                  {
                    kind: 'external' as const,
                    justification: found.suppressed,
                  },
                ],
              }
            : {}),
          properties: {
            code: found.code,
            basis: found.basis,
            ...(found.witness ? { witness: found.witness } : {}),
            ...(found.evidence ? { evidence: found.evidence } : {}),
          },
        })),
      },
    ],
  };
}
