import type { ItemDefinition } from '@kuaiban/core';
import { dueDates, stateText } from './casePage.js';
import type { CaseSheet } from './caseSheet.js';
import type { PortalUser } from './demoUsers.js';
import type { Html } from './html.js';
import { layout, markup } from './html.js';
import type { Lang } from './texts.js';
import { label, named, punctuation } from './texts.js';

/** What the applicant is asked to do on a case now, if anything. */
export function applicantTodo(sheet: CaseSheet): string | null {
  const acceptance = sheet.acceptance;
  if (acceptance?.state === 'tolerance.offered') return 'signCommitment';
  if (acceptance?.state === 'tolerance.provisional') {
    const owed = acceptance.outstanding.filter(
      (id) => !acceptance.supplemented.includes(id),
    );
    return owed.length > 0 ? 'supplement' : null;
  }
  if (acceptance?.state === 'correction.awaitingApplicant') {
    return 'supplyCorrected';
  }
  if (sheet.state === 'accepting' && sheet.commitment?.state === 'choosing') {
    return 'chooseCommitment';
  }
  if (sheet.state === 'accepting' && sheet.commitment?.state === 'signing') {
    return 'signProofCommitment';
  }
  return sheet.state === 'rating' ? 'rate' : null;
}

/** The applicant's free choice of the 告知承诺 route (GZ-CHOICE); the standard route first. */
const routeChoice = (lang: Lang): Html =>
  markup`<label
    >${label('applicationRoute', lang)}
    <select name="route">
      <option value="standard">${label('standardRoute', lang)}</option>
      <option value="commitment">${label('commitmentRoute', lang)}</option>
    </select></label
  >`;

function itemGuide(item: ItemDefinition, lang: Lang): Html {
  const p = punctuation(lang);
  const { statutory, promised } = item.limits;
  return markup`<section class="item" data-item="${item.id}">
    <h2>${named(item, lang)}</h2>
    <div class="muted">
      ${named(item.department, lang)} ·
      ${label('legalBasis', lang)}${p.colon}${item.legalBasis}
    </div>
    <div>
      ${label('limits', lang)}${p.colon}${label('statutory', lang)} ${statutory.days}
      ${label('workingDays', lang)}${promised ? markup`${p.comma}${label('promised', lang)} ${promised.days} ${label('workingDays', lang)}` : ''}
    </div>
    <form
      data-api="/api/cases"
      data-next="/cases/{caseId}"
      data-idempotent
      data-extra="${JSON.stringify({ itemId: item.id })}"
    >
      <table>
        <tr>
          <th>${label('materials', lang)}</th>
          <th></th>
        </tr>
        ${item.materials.map(
          (m) =>
            markup`<tr>
              <td>${named(m, lang)}</td>
              <td>
                <span class="tag"
                  >${label(m.primary ? 'primary' : 'secondary', lang)}</span
                >
                ${m.tolerable ? markup`<span class="tag">${label('tolerable', lang)}</span>` : ''}
                ${m.replaceableByCommitment ? markup`<span class="tag">${label('replaceable', lang)}</span>` : ''}
                ${m.sharedFrom ? markup`<label><input type="checkbox" name="providedMaterials[]" value="${m.id}" checked /> ${label('useShared', lang)}</label>` : ''}
              </td>
            </tr>`,
        )}
      </table>
      ${item.acceptance.commitment ? routeChoice(lang) : ''}
      <button class="primary" type="submit">${label('submit', lang)}</button>
    </form>
  </section>`;
}

/** The applicant's home: their cases with status and due dates, and the items to apply for. */
export function applicantPage(input: {
  lang: Lang;
  user: PortalUser;
  items: readonly ItemDefinition[];
  cases: readonly CaseSheet[];
}): string {
  const { lang, user, items, cases } = input;
  const name = (id: string) => {
    const item = items.find((i) => i.id === id);
    return item ? named(item, lang) : id;
  };
  const body = markup`<section id="my-cases">
      <h2>${label('myCases', lang)}</h2>
      ${
        cases.length === 0
          ? markup`<p class="muted">${label('none', lang)}</p>`
          : markup`<table>
              <tr>
                <th>${label('caseNo', lang)}</th>
                <th>${label('item', lang)}</th>
                <th>${label('state', lang)}</th>
                <th>${label('dueDates', lang)}</th>
                <th>${label('nextStep', lang)}</th>
              </tr>
              ${cases.map((sheet) => {
                const todo = applicantTodo(sheet);
                return markup`<tr data-case="${sheet.caseId}">
                  <td>
                    <a href="/cases/${encodeURIComponent(sheet.caseId)}"
                      >${sheet.caseId}</a
                    >
                  </td>
                  <td>${name(sheet.itemId)}</td>
                  <td>${stateText(sheet, lang)}</td>
                  <td>${dueDates(sheet, lang)}</td>
                  <td>
                    ${todo ? markup`<a href="/cases/${encodeURIComponent(sheet.caseId)}"><strong>${label(todo, lang)}</strong></a>` : ''}
                  </td>
                </tr>`;
              })}
            </table>`
      }
    </section>
    <h2>${label('apply', lang)}</h2>
    ${items.map((item) => itemGuide(item, lang))}`;
  return layout(lang, label('myCases', lang), user, body);
}
