import type { AuditEntry, HistoryCheck, ItemDefinition } from '@kuaiban/core';
import { caseActions } from './caseActions.js';
import type { CaseSheet } from './caseSheet.js';
import type { PortalUser } from './demoUsers.js';
import type { Html } from './html.js';
import { html, layout } from './html.js';
import type { Lang } from './texts.js';
import {
  consequenceLabel,
  label,
  named,
  roleLabel,
  stateLabel,
} from './texts.js';
import { timeline } from './timeline.js';

/** Acceptance machine states after which the case's own state says it all. */
const FINISHED = new Set(['accepted', 'lapsed', 'withdrawn']);

/** The state in words, with the acceptance step while acceptance runs. */
export function stateText(sheet: CaseSheet, lang: Lang): string {
  const own = stateLabel(sheet.state, lang);
  const step = sheet.acceptance?.state;
  return step && !FINISHED.has(step)
    ? `${own} · ${stateLabel(step, lang)}`
    : own;
}

/** The case's due dates as a definition list (empty ones left out). */
export function dueDates(sheet: CaseSheet, lang: Lang): Html {
  const { supplement, decision, issuance } = sheet.facts.dueDates;
  const row = (key: string, date: string | null) =>
    date
      ? html`<div data-due="${key}">
          ${label(key, lang)}：<strong>${date}</strong>
        </div>`
      : '';
  return html`${row('supplementDue', supplement)}${row('decisionDue', decision)}${row('issuanceDue', issuance)}`;
}

/** 一次性告知: the 容缺 offer or notice, and any correction notice. */
function notices(
  sheet: CaseSheet,
  item: ItemDefinition | undefined,
  lang: Lang,
): Html {
  const { acceptance } = sheet;
  if (!acceptance) return html``;
  const name = (id: string) => {
    const m = sheet.materials.find((x) => x.id === id);
    return m ? named(m, lang) : id;
  };
  const tolerant = item?.acceptance.tolerant;
  const parts: Html[] = [];
  if (acceptance.state === 'tolerance.offered' && tolerant) {
    parts.push(
      html`<div class="notice" id="one-time-notice">
        <h2>${label('oneTimeNotice', lang)}</h2>
        <p>${label('toleranceOffer', lang)}</p>
        <ul>
          ${acceptance.outstanding.map((id) => html`<li>${name(id)}</li>`)}
        </ul>
        <p>
          ${label('supplyWithin', lang)}：${tolerant.supplementDays}
          ${label('workingDays', lang)}；
          ${label('ifLate', lang)}：${consequenceLabel(tolerant.onLate, lang)}${tolerant.creditRecord ? html`，${label('creditRecord', lang)}` : ''}；
          ${label('basis', lang)}：${tolerant.basis}
        </p>
      </div>`,
    );
  }
  const notice = acceptance.toleranceNotice;
  if (notice) {
    parts.push(
      html`<div class="notice" id="one-time-notice">
        <h2>
          ${label('oneTimeNotice', lang)} ·
          ${stateLabel('tolerance.provisional', lang)}
        </h2>
        <ul>
          ${notice.materials.map(
            (m) =>
              html`<li>
                ${named(m, lang)}${acceptance.supplemented.includes(m.id) ? html` <span class="tag">${label('supplemented', lang)}</span>` : ''}
              </li>`,
          )}
        </ul>
        <p>
          ${label('supplyBy', lang)}：<strong data-supply-by
            >${notice.supplyBy}</strong
          >；
          ${label('ifLate', lang)}：${consequenceLabel(notice.consequence, lang)}${notice.creditRecord ? html`，${label('creditRecord', lang)}` : ''}；
          ${label('basis', lang)}：${notice.basis}
        </p>
        <p class="muted">
          ${label('commitmentText', lang)}：${notice.commitment.text}（${label('signedBy', lang)}
          ${notice.commitment.signedBy}，${notice.commitment.signedOn}）
        </p>
      </div>`,
    );
  }
  for (const given of acceptance.notices) {
    parts.push(
      html`<div class="notice">
        <h2>${label('correctionNotice', lang)} · ${given.on}</h2>
        <ul>
          ${given.items.map((i) => html`<li>${name(i.materialId)}：${i.problem}</li>`)}
        </ul>
      </div>`,
    );
  }
  if (
    acceptance.state === 'checking' ||
    acceptance.state === 'correction.noticePending'
  ) {
    parts.push(
      html`<p class="muted">
        ${label('noticeBy', lang)}：${acceptance.noticeBy}
      </p>`,
    );
  }
  return html`${parts}`;
}

/** One case: status and due dates, notices, what the user may do, the timeline. */
export function casePage(input: {
  lang: Lang;
  user: PortalUser;
  sheet: CaseSheet;
  item: ItemDefinition | undefined;
  history: readonly AuditEntry[];
  check: HistoryCheck;
}): string {
  const { lang, user, sheet, item, history, check } = input;
  const actions = caseActions(sheet, user, item, lang);
  const outcome = [
    sheet.acceptedOn
      ? html`<div>${label('acceptedOn', lang)}：${sheet.acceptedOn}</div>`
      : '',
    sheet.refusal
      ? html`<div>
          ${label('refusal', lang)}：${sheet.refusal.reason} →
          ${sheet.refusal.route}
        </div>`
      : '',
    sheet.decision
      ? html`<div data-decision="${sheet.decision.outcome}">
          ${label('decision', lang)}：${label(sheet.decision.outcome === 'approved' ? 'decideApprove' : 'decideDeny', lang)}（${sheet.decision.on}）
        </div>`
      : '',
    sheet.certificate
      ? html`<div>
          ${label('certificate', lang)}：${sheet.certificate.number}（${sheet.certificate.issuedOn}）
        </div>`
      : '',
    sheet.lapse
      ? html`<div>
          ${label('lapse', lang)}：${consequenceLabel(sheet.lapse.consequence, lang)}
        </div>`
      : '',
  ];
  const body = html`<section
      id="case-summary"
      data-case="${sheet.caseId}"
      data-state="${sheet.state}"
      data-acceptance="${sheet.acceptance?.state ?? ''}"
    >
      <h2>${item ? named(item, lang) : sheet.itemId} · ${sheet.caseId}</h2>
      <div>${label('applicant', lang)}：${sheet.facts.applicant}</div>
      <div>
        ${label('state', lang)}：<strong id="case-state"
          >${stateText(sheet, lang)}</strong
        >
      </div>
      ${sheet.facts.awaiting.length > 0 ? html`<div class="muted">${label('waitingFor', lang)}：${sheet.facts.awaiting.map((r) => roleLabel(r, lang)).join('、')}</div>` : ''}
      ${dueDates(sheet, lang)}${outcome}
    </section>
    ${sheet.acceptance ? html`<section id="notices">${notices(sheet, item, lang)}</section>` : ''}
    <section id="actions">
      <h2>${label('nextStep', lang)}</h2>
      ${actions.length > 0 ? actions : html`<p class="muted">${label('nothingToDo', lang)}</p>`}
    </section>
    ${timeline(history, check, sheet.materials, lang)}`;
  return layout(lang, sheet.caseId, user, body);
}
