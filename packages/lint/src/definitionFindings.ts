import type { ValidationIssue } from '@kuaiban/calendar';
import type { Finding } from './Finding.js';
import { finding } from './Finding.js';

/** The rule that explains a definition error citing this code. */
const RULE_BY_CODE: Readonly<Record<string, string>> = {
  'RQ-COND': 'tolerance-secondary-only',
  'RQ-DEADLINE': 'supplement-within-promised',
  'SVC-LIMITS': 'promised-within-statutory',
  'ALL-44-ISSUE-10D': 'issuance-within-10d',
  'ALL-32-NOTICE-5D': 'notice-within-5d',
  'ALL-42-JOINT-45D': 'joint-limit',
  'GZ-EXCLUDED': 'commitment-domain',
  'ZZ-COMMIT': 'reform-mode',
  'ZZ-FILING': 'reform-mode',
  'ZZ-CANCEL': 'reform-mode',
  'SVC-SHARE': 'shared-material-not-requested',
};

/** The rule for an error found by its place, when its message cites no code. */
function ruleByPath(path: readonly (string | number)[]): string | undefined {
  const at = path.join('.');
  if (/^review\.departments\.\d+\.(limitDays|onTimeout)$/.test(at))
    return 'human-step-clock';
  if (/^review\.departments\.\d+\.onTimeout\.basis$/.test(at))
    return 'deemed-outcome-basis';
  if (/^limits(\.statutory(\.days)?)?$/.test(at)) return 'human-step-clock';
  if (/^acceptance\.commitment\.(verifyWithinDays|verificationBasis)$/.test(at))
    return 'commitment-verification';
  if (/^roles\.handler\.backup$/.test(at)) return 'backup-post';
  if (/^rating(\.rectifyDays)?$/.test(at)) return 'rating-step';
  return undefined;
}

const CODE = /\b(?:ALL|SVC|RQ|GZ|ZZ|DEEM|TIME|GC|OBE)(?:-[A-Z0-9]+)+\b/;

/**
 * The definition's validation errors as findings: each under the rule that
 * enforces the code it cites (or its place), the rest under
 * `valid-definition` with their own code.
 */
export function definitionFindings(
  issues: readonly ValidationIssue[],
  itemId: string | undefined,
): Finding[] {
  return issues.map((issue) => {
    const code = CODE.exec(issue.message)?.[0];
    const rule =
      (code && RULE_BY_CODE[code]) ??
      ruleByPath(issue.path) ??
      'valid-definition';
    return finding({
      rule,
      ...(code ? { code } : {}),
      message: `${issue.path.join('.') || '(item)'}: ${issue.message}`,
      messageZh: `${issue.path.join('.') || '（事项）'}：${issue.messageZh}`,
      path: issue.path,
      ...(itemId ? { itemId } : {}),
    });
  });
}
