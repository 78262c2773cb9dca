import type { CaseHistory } from './exportLogs.js';
import { checkHistories, stateText } from './exportLogs.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Characters XML 1.0 cannot carry at all, not even as references. */
function isForbidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * Text safe inside a double-quoted XML attribute. Tabs and line breaks become
 * character references so that they survive attribute-value normalisation;
 * characters XML cannot hold (other control characters, lone surrogates)
 * become U+FFFD.
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const escaped = ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else out += isForbidden(char.codePointAt(0) ?? 0) ? '\uFFFD' : char;
  }
  return out;
}

function attribute(
  type: 'string' | 'date' | 'int',
  key: string,
  value: string | number,
): string {
  return `<${type} key="${key}" value="${escapeXml(String(value))}"/>`;
}

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
  '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
  '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
  '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
  '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
  '  <global scope="trace">',
  `    ${attribute('string', 'concept:name', '__INVALID__')}`,
  '  </global>',
  '  <global scope="event">',
  `    ${attribute('string', 'concept:name', '__INVALID__')}`,
  `    ${attribute('date', 'time:timestamp', '1970-01-01T00:00:00.000+00:00')}`,
  `    ${attribute('string', 'org:resource', '__INVALID__')}`,
  `    ${attribute('string', 'org:role', '__INVALID__')}`,
  `    ${attribute('string', 'lifecycle:transition', 'complete')}`,
  '  </global>',
  '  <classifier name="Activity" keys="concept:name"/>',
  '  <classifier name="Role and activity" keys="org:role concept:name"/>',
  `  ${attribute('string', 'concept:name', 'Kuaiban case histories')}`,
];

function eventLines(entry: CaseHistory['entries'][number]): string[] {
  const lines = [
    attribute('string', 'concept:name', entry.command.type),
    attribute('date', 'time:timestamp', entry.at),
    attribute('string', 'org:resource', entry.actor.id),
    attribute('string', 'org:role', entry.actor.role),
  ];
  if (entry.actor.department !== undefined) {
    lines.push(attribute('string', 'org:group', entry.actor.department));
  }
  lines.push(
    attribute('string', 'lifecycle:transition', 'complete'),
    attribute('int', 'sequence', entry.sequence),
  );
  const state = stateText(entry.state);
  if (state !== null) lines.push(attribute('string', 'state', state));
  if (entry.commandId !== null) {
    lines.push(attribute('string', 'commandId', entry.commandId));
  }
  if (entry.reason !== null) {
    lines.push(attribute('string', 'reason', entry.reason));
  }
  return [
    '    <event>',
    ...lines.map((line) => `      ${line}`),
    '    </event>',
  ];
}

/**
 * Case histories as an IEEE 1849-2016 XES log for process-mining tools (ProM,
 * pm4py, Disco, Celonis). One `<trace>` per case (`concept:name` = case id,
 * `itemId` = the service item); one `<event>` per entry with the command type
 * as `concept:name`, `at` as `time:timestamp`, the actor as `org:resource`,
 * `org:role` and (with a department) `org:group`, `lifecycle:transition`
 * `complete`, and `sequence`, `state`, `commandId` and `reason`.
 *
 * @example
 * toXes([{ caseId: 'case-1', itemId: 'business-licence', entries }]);
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016" …'
 */
export function toXes(histories: readonly CaseHistory[]): string {
  checkHistories(histories);
  const lines = [...HEADER];
  for (const { caseId, itemId, entries } of histories) {
    lines.push(
      '  <trace>',
      `    ${attribute('string', 'concept:name', caseId)}`,
      `    ${attribute('string', 'itemId', itemId)}`,
    );
    for (const entry of entries) lines.push(...eventLines(entry));
    lines.push('  </trace>');
  }
  lines.push('</log>', '');
  return lines.join('\n');
}
