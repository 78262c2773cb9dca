import type { ItemDefinition } from '@kuaiban/core';
import { stateText } from './casePage.js';
import type { CaseSheet } from './caseSheet.js';
import type { PortalUser } from './demoUsers.js';
import type { Html } from './html.js';
import { layout, markup } from './html.js';
import type { Urgency } from './queueUrgency.js';
import type { Lang } from './texts.js';
import { label, named } from './texts.js';

/** One case of a work queue, with how pressing it is. */
export interface QueueEntry {
  readonly sheet: CaseSheet;
  readonly urgency: Urgency;
}

function table(
  id: string,
  title: string,
  entries: readonly QueueEntry[],
  items: readonly ItemDefinition[],
  lang: Lang,
): Html {
  const name = (itemId: string) => {
    const item = items.find((i) => i.id === itemId);
    return item ? named(item, lang) : itemId;
  };
  return markup`<section id="${id}">
    <h2>${title} <span class="tag">${entries.length}</span></h2>
    ${
      entries.length === 0
        ? markup`<p class="muted">${label('none', lang)}</p>`
        : markup`<table>
            <tr>
              <th>${label('caseNo', lang)}</th>
              <th>${label('item', lang)}</th>
              <th>${label('applicant', lang)}</th>
              <th>${label('state', lang)}</th>
              <th>${label('dueDates', lang)}</th>
            </tr>
            ${entries.map(
              ({ sheet, urgency }) =>
                markup`<tr data-case="${sheet.caseId}">
                  <td>
                    <a href="/cases/${encodeURIComponent(sheet.caseId)}"
                      >${sheet.caseId}</a
                    >
                  </td>
                  <td>${name(sheet.itemId)}</td>
                  <td>${sheet.facts.applicant}</td>
                  <td>${stateText(sheet, lang)}</td>
                  <td>
                    ${urgency.overdue ? markup`<span class="tag overdue">${label('overdue', lang)}</span>` : ''}${urgency.warning ? markup`<span class="tag warning">${label('warning', lang)}</span>` : ''}${urgency.dueSoon ? markup`<span class="tag due-soon">${label('dueSoon', lang)}</span>` : ''}
                    ${urgency.nextDue ?? ''}
                  </td>
                </tr>`,
            )}
          </table>`
    }
  </section>`;
}

/** An officer's work queue: overdue, warned and due-soon cases first, then all. */
export function officerPage(input: {
  lang: Lang;
  user: PortalUser;
  items: readonly ItemDefinition[];
  entries: readonly QueueEntry[];
}): string {
  const { lang, user, items, entries } = input;
  const body = markup` ${table(
    'queue-overdue',
    label('overdue', lang),
    entries.filter((e) => e.urgency.overdue),
    items,
    lang,
  )}
  ${table(
    'queue-warning',
    label('warning', lang),
    entries.filter((e) => e.urgency.warning),
    items,
    lang,
  )}
  ${table(
    'queue-due-soon',
    label('dueSoon', lang),
    entries.filter((e) => e.urgency.dueSoon),
    items,
    lang,
  )}
  ${table('queue-all', label('allAwaiting', lang), entries, items, lang)}`;
  return layout(lang, label('queue', lang), user, body);
}
