import type { AuditEntry, HistoryCheck } from '@kuaiban/core';
import type { Material } from './caseSheet.js';
import { stateName } from './caseSheet.js';
import type { Html } from './html.js';
import { markup } from './html.js';
import type { Lang } from './texts.js';
import {
  commandLabel,
  gradeLabel,
  label,
  named,
  punctuation,
  roleLabel,
  stateLabel,
} from './texts.js';

type Command = AuditEntry['command'] & Record<string, unknown>;

/** What the timeline names by id: the case's materials and review steps. */
export interface TimelineNames {
  readonly materials: readonly Material[];
  readonly steps: readonly { id: string; name: string; nameZh: string }[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [];

/** What a command said, in the officials' words. */
function details(
  command: Command,
  names: TimelineNames,
  lang: Lang,
): Html | string {
  const p = punctuation(lang);
  const name = (id: unknown) => {
    const material = names.materials.find((m) => m.id === id);
    return material ? named(material, lang) : String(id);
  };
  const rows = (value: unknown) =>
    Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  switch (command.type) {
    case 'MATERIALS_CHECKED':
      return rows(command.findings)
        .map(
          (f) =>
            `${name(f.materialId)}${p.colon}${label(String(f.status), lang)}${typeof f.note === 'string' ? `${p.open}${f.note}${p.close}` : ''}`,
        )
        .join(p.semicolon);
    case 'ISSUE_NOTICE':
      return rows(command.items)
        .map((i) => `${name(i.materialId)}${p.colon}${String(i.problem)}`)
        .join(p.semicolon);
    case 'ACCEPT_TOLERANCE': {
      const text = (command.commitment as { text?: unknown } | undefined)?.text;
      return typeof text === 'string' ? text : '';
    }
    case 'SIGN_COMMITMENT':
      return typeof command.text === 'string' ? command.text : '';
    case 'DECIDE':
      return label(command.approve === true ? 'approve' : 'reject', lang);
    case 'SUPPLEMENT':
    case 'MATERIALS_SUPPLIED':
      return strings(command.materialIds).map(name).join(p.list);
    case 'REVIEW_OPINION': {
      const step = names.steps.find((s) => s.id === command.step);
      return `${step ? named(step, lang) : String(command.step)}${p.colon}${label(command.opinion === 'approve' ? 'approve' : 'reject', lang)}`;
    }
    case 'DENY':
      return strings(command.reasons).join(p.semicolon);
    case 'ISSUE_CERTIFICATE':
      return `${label('certificateNo', lang)} ${String(command.certificateNo)}`;
    case 'RATE':
      return gradeLabel(String(command.grade), lang);
    case 'PROPOSE_REFUSAL':
      return `${String(command.reason)} → ${String(command.route)}`;
    default:
      return '';
  }
}

/** The case's audit trail as a table, with the hash-chain check on top. */
export function timeline(
  entries: readonly AuditEntry[],
  check: HistoryCheck,
  names: TimelineNames,
  lang: Lang,
): Html {
  const p = punctuation(lang);
  return markup`<section id="timeline">
    <h2>${label('timeline', lang)}</h2>
    <p class="muted" data-verified="${check.ok}">
      ${check.ok ? label('trailOk', lang) : markup`${label('trailBroken', lang)}: ${lang === 'zh' ? check.messageZh : check.message}`}
    </p>
    <table>
      <tr>
        <th>#</th>
        <th>${label('when', lang)}</th>
        <th>${label('who', lang)}</th>
        <th>${label('action', lang)}</th>
        <th>${label('after', lang)}</th>
      </tr>
      ${entries.map(
        (entry) =>
          markup`<tr data-command="${entry.command.type}">
            <td>${entry.sequence}</td>
            <td>${entry.at.slice(0, 16).replace('T', ' ')}</td>
            <td>
              ${entry.actor.id}<br /><span class="muted"
                >${roleLabel(entry.actor.role, lang)}</span
              >
            </td>
            <td>
              <strong>${commandLabel(entry.command.type, lang)}</strong
              ><br />${details(entry.command as Command, names, lang)}
              ${entry.reason ? markup`<br /><span class="muted">${label('reason', lang)}${p.colon}${entry.reason}</span>` : ''}
            </td>
            <td>${stateLabel(stateName(entry.state), lang)}</td>
          </tr>`,
      )}
    </table>
  </section>`;
}
