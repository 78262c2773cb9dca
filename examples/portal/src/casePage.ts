import type { AuditEntry, HistoryCheck, ItemDefinition } from '@kuaiban/core';
import { caseActions } from './caseActions.js';
import type { CaseSheet } from './caseSheet.js';
import type { PortalUser } from './demoUsers.js';
import type { Html } from './html.js';
import { layout, markup } from './html.js';
import type { Lang } from './texts.js';
import {
  consequenceLabel,
  label,
  named,
  punctuation,
  roleLabel,
  stateLabel,
} from './texts.js';
import { timeline } from './timeline.js';

/** Acceptance machine states after which the case's own state says it all. */
const FINISHED = new Set(['accepted', 'lapsed', 'withdrawn']);

/** The state in words, with the acceptance step while acceptance runs. */
export function stateText(sheet: CaseSheet, lang: Lang): string {
  const own = stateLabel(sheet.state, lang);
  const step =
    sheet.acceptance?.state ??
    (sheet.state === 'accepting' ? sheet.commitment?.state : undefined);
  return step && !FINISHED.has(step)
    ? `${own} · ${stateLabel(step, lang)}`
    : own;
}

/** The case's due dates as a definition list (empty ones left out). */
export function dueDates(sheet: CaseSheet, lang: Lang): Html {
  const p = punctuation(lang);
  const { supplement, decision, issuance } = sheet.facts.dueDates;
  const row = (key: string, date: string | null) =>
    date
      ? markup`<div data-due="${key}">
          ${label(key, lang)}${p.colon}<strong>${date}</strong>
        </div>`
      : '';
  return markup`${row('supplementDue', supplement)}${row('decisionDue', decision)}${row('issuanceDue', issuance)}`;
}

/** 一次性告知: the 容缺 offer or notice, and any correction notice. */
function notices(
  sheet: CaseSheet,
  item: ItemDefinition | undefined,
  lang: Lang,
): Html {
  const p = punctuation(lang);
  const { acceptance } = sheet;
  if (!acceptance) return markup``;
  const name = (id: string) => {
    const m = sheet.materials.find((x) => x.id === id);
    return m ? named(m, lang) : id;
  };
  const tolerant = item?.acceptance.tolerant;
  const parts: Html[] = [];
  if (acceptance.state === 'tolerance.offered' && tolerant) {
    parts.push(
      markup`<div class="notice" id="one-time-notice">
        <h2>${label('oneTimeNotice', lang)}</h2>
        <p>${label('toleranceOffer', lang)}</p>
        <ul>
          ${acceptance.outstanding.map((id) => markup`<li>${name(id)}</li>`)}
        </ul>
        <p>
          ${label('supplyWithin', lang)}${p.colon}${tolerant.supplementDays}
          ${label('workingDays', lang)}${p.semicolon}
          ${label('ifLate', lang)}${p.colon}${consequenceLabel(tolerant.onLate, lang)}${tolerant.creditRecord ? markup`${p.comma}${label('creditRecord', lang)}` : ''}${p.semicolon}
          ${label('basis', lang)}${p.colon}${tolerant.basis}
        </p>
      </div>`,
    );
  }
  const notice = acceptance.toleranceNotice;
  if (notice) {
    parts.push(
      markup`<div class="notice" id="one-time-notice">
        <h2>
          ${label('oneTimeNotice', lang)} · ${label('tolerantAcceptance', lang)}
        </h2>
        <ul>
          ${notice.materials.map(
            (m) =>
              markup`<li>
                ${named(m, lang)}${acceptance.supplemented.includes(m.id) ? markup` <span class="tag">${label('supplemented', lang)}</span>` : ''}
              </li>`,
          )}
        </ul>
        <p>
          ${label('supplyBy', lang)}${p.colon}<strong data-supply-by
            >${notice.supplyBy}</strong
          >${p.semicolon}
          ${label('ifLate', lang)}${p.colon}${consequenceLabel(notice.consequence, lang)}${notice.creditRecord ? markup`${p.comma}${label('creditRecord', lang)}` : ''}${p.semicolon}
          ${label('basis', lang)}${p.colon}${notice.basis}
        </p>
        <p class="muted">
          ${label('commitmentText', lang)}${p.colon}${notice.commitment.text}${p.open}${label('signedBy', lang)}
          ${notice.commitment.signedBy}${p.comma}${notice.commitment.signedOn}${p.close}
        </p>
      </div>`,
    );
  }
  for (const given of acceptance.notices) {
    parts.push(
      markup`<div class="notice">
        <h2>${label('correctionNotice', lang)} · ${given.on}</h2>
        <ul>
          ${given.items.map((i) => markup`<li>${name(i.materialId)}${p.colon}${i.problem}</li>`)}
        </ul>
      </div>`,
    );
  }
  if (
    acceptance.state === 'checking' ||
    acceptance.state === 'correction.noticePending'
  ) {
    parts.push(
      markup`<p class="muted">
        ${label('noticeBy', lang)}${p.colon}${acceptance.noticeBy}
      </p>`,
    );
  }
  return markup`${parts}`;
}

/** 告知承诺: the proofs the commitment replaces, the notice, the signed commitment, the verification period. */
function commitmentNotice(sheet: CaseSheet, lang: Lang): Html {
  const { commitment } = sheet;
  if (!commitment) return markup``;
  const p = punctuation(lang);
  const row = (key: string, value: string | null) =>
    value ? markup`<div>${label(key, lang)}${p.colon}${value}</div>` : '';
  return markup`<div
    class="notice"
    id="commitment-notice"
    data-commitment="${commitment.state}"
  >
    <h2>${label('commitmentNotice', lang)}</h2>
    ${row(
      'replacedProofs',
      commitment.replacedProofs.map((proof) => named(proof, lang)).join(p.list),
    )}
    ${row('noticeGivenOn', commitment.noticeGivenOn)}
    ${commitment.commitment ? markup`<div class="muted">${label('commitmentText', lang)}${p.colon}${commitment.commitment.text}${p.open}${commitment.commitment.signedOn}${p.close}</div>` : ''}
    ${row('verifyBy', commitment.verifyBy)}
    ${row('basis', commitment.verificationBasis)}
  </div>`;
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
  const p = punctuation(lang);
  const actions = caseActions(sheet, user, item, lang);
  const outcome = [
    sheet.acceptedOn
      ? markup`<div>${label('acceptedOn', lang)}${p.colon}${sheet.acceptedOn}</div>`
      : '',
    sheet.refusal
      ? markup`<div>
          ${label('refusal', lang)}${p.colon}${sheet.refusal.reason} →
          ${sheet.refusal.route}
        </div>`
      : '',
    sheet.decision
      ? markup`<div data-decision="${sheet.decision.outcome}">
          ${label('decision', lang)}${p.colon}${label(sheet.decision.outcome === 'approved' ? 'decideApprove' : 'decideDeny', lang)}${p.open}${sheet.decision.on}${p.close}
        </div>`
      : '',
    sheet.certificate
      ? markup`<div>
          ${label('certificate', lang)}${p.colon}${sheet.certificate.number}${p.open}${sheet.certificate.issuedOn}${p.close}
        </div>`
      : '',
    sheet.lapse
      ? markup`<div>
          ${label('lapse', lang)}${p.colon}${consequenceLabel(sheet.lapse.consequence, lang)}
        </div>`
      : '',
  ];
  const body = markup`<section
      id="case-summary"
      data-case="${sheet.caseId}"
      data-state="${sheet.state}"
      data-acceptance="${sheet.acceptance?.state ?? ''}"
    >
      <h2>${item ? named(item, lang) : sheet.itemId} · ${sheet.caseId}</h2>
      <div>${label('applicant', lang)}${p.colon}${sheet.facts.applicant}</div>
      <div>
        ${label('state', lang)}${p.colon}<strong id="case-state"
          >${stateText(sheet, lang)}</strong
        >
      </div>
      ${sheet.facts.awaiting.length > 0 ? markup`<div class="muted">${label('waitingFor', lang)}${p.colon}${sheet.facts.awaiting.map((r) => roleLabel(r, lang)).join(p.list)}</div>` : ''}
      ${dueDates(sheet, lang)}${outcome}
    </section>
    ${sheet.acceptance || sheet.commitment ? markup`<section id="notices">${notices(sheet, item, lang)}${commitmentNotice(sheet, lang)}</section>` : ''}
    <section id="actions">
      <h2>${label('nextStep', lang)}</h2>
      ${actions.length > 0 ? actions : markup`<p class="muted">${label('nothingToDo', lang)}</p>`}
    </section>
    ${timeline(
      history,
      check,
      {
        materials: sheet.materials,
        steps: item?.review.mode === 'chain' ? item.review.steps : [],
      },
      lang,
    )}`;
  return layout(lang, sheet.caseId, user, body);
}
