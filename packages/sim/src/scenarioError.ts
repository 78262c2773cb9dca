import { KuaibanError } from '@kuaiban/calendar';

/** An `INVALID_SCENARIO` error about one field of the scenario. */
export function scenarioError(
  message: string,
  messageZh: string,
  path: (string | number)[],
): KuaibanError {
  return new KuaibanError({
    code: 'INVALID_SCENARIO',
    message: `Invalid scenario: ${path.join('.')}: ${message}`,
    messageZh: `仿真情景无效：${path.join('.')}：${messageZh}`,
    issues: [{ path, message, messageZh }],
  });
}
