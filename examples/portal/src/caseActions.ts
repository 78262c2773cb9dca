import type { ItemDefinition } from '@kuaiban/core';
import { RATING_GRADES } from '@kuaiban/machines';
import type { CaseSheet } from './caseSheet.js';
import { commandForm, commitmentTextField } from './commandForm.js';
import { commitmentActions } from './commitmentActions.js';
import type { Html } from './html.js';
import { markup } from './html.js';
import type { Lang } from './texts.js';
import { gradeLabel, label, named } from './texts.js';

interface Actor {
  readonly id: string;
  readonly role: string;
}

const materialName = (sheet: CaseSheet, id: string, lang: Lang) => {
  const material = sheet.materials.find((m) => m.id === id);
  return material ? named(material, lang) : id;
};

/** What the applicant may do now: sign the 容缺 commitment, supplement, rate … */
function applicantActions(sheet: CaseSheet, lang: Lang): Html[] {
  const { caseId, acceptance } = sheet;
  const forms: Html[] = [];
  if (acceptance?.state === 'tolerance.offered') {
    forms.push(
      commandForm(
        caseId,
        'ACCEPT_TOLERANCE',
        label('signCommitment', lang),
        commitmentTextField('commitment.text', 'commitmentDefault', lang),
      ),
      commandForm(caseId, 'DECLINE_TOLERANCE', label('declineTolerance', lang)),
    );
  }
  if (acceptance?.state === 'tolerance.provisional') {
    const owed = acceptance.outstanding.filter(
      (id) => !acceptance.supplemented.includes(id),
    );
    forms.push(
      commandForm(
        caseId,
        'SUPPLEMENT',
        label('supplement', lang),
        owed.map(
          (id) =>
            markup`<label
              ><input
                type="checkbox"
                name="materialIds[]"
                value="${id}"
                checked
              />
              ${materialName(sheet, id, lang)}</label
            >`,
        ),
      ),
    );
  }
  if (acceptance?.state === 'correction.awaitingApplicant') {
    const asked = acceptance.notices.flatMap((n) => n.items);
    forms.push(
      commandForm(
        caseId,
        'MATERIALS_SUPPLIED',
        label('supplyCorrected', lang),
        asked.map(
          (item) =>
            markup`<label
              ><input
                type="checkbox"
                name="materialIds[]"
                value="${item.materialId}"
                checked
              />
              ${materialName(sheet, item.materialId, lang)}</label
            >`,
        ),
      ),
    );
  }
  if (sheet.state === 'rating') {
    forms.push(
      commandForm(
        caseId,
        'RATE',
        label('rate', lang),
        markup`<select name="grade">
          ${RATING_GRADES.map(
            (grade) =>
              markup`<option value="${grade}">
                ${gradeLabel(grade, lang)}
              </option>`,
          )}
        </select>`,
      ),
    );
  }
  return forms;
}

/** The window officer's forms: pre-review, the material check, the notice, the certificate. */
function officerActions(sheet: CaseSheet, lang: Lang): Html[] {
  const { caseId, acceptance } = sheet;
  const forms: Html[] = [];
  if (sheet.state === 'submitted') {
    forms.push(
      commandForm(caseId, 'PRE_REVIEW_PASSED', label('preReview', lang)),
      commandForm(
        caseId,
        'PROPOSE_REFUSAL',
        label('proposeRefusal', lang),
        markup`<label
            >${label('reason', lang)} <input type="text" name="reason"
          /></label>
          <label
            >${label('route', lang)} <input type="text" name="route"
          /></label>`,
      ),
    );
  }
  if (acceptance?.state === 'checking') {
    forms.push(
      commandForm(
        caseId,
        'MATERIALS_CHECKED',
        label('checkMaterials', lang),
        markup`<table>
          <tr>
            <th>${label('materials', lang)}</th>
            <th>${label('status', lang)}</th>
            <th>${label('note', lang)}</th>
          </tr>
          ${sheet.materials.map(
            (m) =>
              markup`<tr data-row="findings" data-material="${m.id}">
                <td>
                  ${named(m, lang)}<input
                    type="hidden"
                    name="materialId"
                    value="${m.id}"
                  />
                </td>
                <td>
                  <select name="status">
                    ${(['complete', 'missing', 'defective'] as const).map(
                      (s) =>
                        markup`<option value="${s}">${label(s, lang)}</option>`,
                    )}
                  </select>
                </td>
                <td><input type="text" name="note" /></td>
              </tr>`,
          )}
        </table>`,
        { findings: [] },
      ),
    );
  }
  if (acceptance?.state === 'correction.noticePending') {
    forms.push(
      commandForm(
        caseId,
        'ISSUE_NOTICE',
        label('issueNotice', lang),
        acceptance.outstanding.map((id) => {
          const finding = acceptance.findings.find((f) => f.materialId === id);
          return markup`<div data-row="items">
            <input type="hidden" name="materialId" value="${id}" />
            <label
              >${materialName(sheet, id, lang)} · ${label('problem', lang)}
              <input
                type="text"
                name="problem"
                value="${finding?.note ?? label(finding?.status ?? 'missing', lang)}"
            /></label>
          </div>`;
        }),
        { items: [] },
      ),
    );
  }
  if (sheet.state === 'issuing') {
    forms.push(
      commandForm(
        caseId,
        'ISSUE_CERTIFICATE',
        label('issueCertificate', lang),
        markup`<label
          >${label('certificateNo', lang)}
          <input type="text" name="certificateNo"
        /></label>`,
      ),
    );
  }
  return forms;
}

/** The forms the user's role may send to the case in its present state. */
export function caseActions(
  sheet: CaseSheet,
  user: Actor,
  item: ItemDefinition | undefined,
  lang: Lang,
): Html[] {
  const { caseId } = sheet;
  switch (user.role) {
    case 'applicant':
      return user.id === sheet.facts.applicant
        ? [
            ...commitmentActions(caseId, sheet.commitment, 'applicant', lang),
            ...applicantActions(sheet, lang),
          ]
        : [];
    case 'window-officer':
      return [
        ...commitmentActions(caseId, sheet.commitment, 'window-officer', lang),
        ...officerActions(sheet, lang),
      ];
    case 'reviewer':
    case 'department-approver':
    case 'lead-department':
      return sheet.reviewStep && item?.review.mode === 'chain'
        ? [
            commandForm(
              caseId,
              'REVIEW_OPINION',
              `${label('reviewOpinion', lang)} · ${named(sheet.reviewStep, lang)}`,
              markup`<label
                  ><select name="opinion">
                    <option value="approve">${label('approve', lang)}</option>
                    <option value="reject">${label('reject', lang)}</option>
                  </select></label
                >
                <label
                  >${label('reason', lang)} <input type="text" name="reason"
                /></label>`,
              { step: sheet.reviewStep.id },
            ),
          ]
        : [];
    case 'agency-head':
      return sheet.state === 'deciding'
        ? [
            commandForm(caseId, 'APPROVE', label('decideApprove', lang)),
            commandForm(
              caseId,
              'DENY',
              label('decideDeny', lang),
              markup`<label
                >${label('denyReason', lang)}
                <textarea name="reasons[]"></textarea>
              </label>`,
              { remedies: { administrativeReview: true, lawsuit: true } },
            ),
          ]
        : [];
    case 'supervisor':
      return sheet.state === 'refusalPending'
        ? [
            commandForm(
              caseId,
              'CONFIRM_REFUSAL',
              label('confirmRefusal', lang),
            ),
            commandForm(
              caseId,
              'OVERRULE_REFUSAL',
              label('overruleRefusal', lang),
              markup`<label
                >${label('reason', lang)} <input type="text" name="reason"
              /></label>`,
            ),
          ]
        : [];
    default:
      return [];
  }
}
