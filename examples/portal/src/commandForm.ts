import type { Html } from './html.js';
import { json, markup } from './html.js';
import type { Lang } from './texts.js';
import { label } from './texts.js';

/**
 * A form that posts one command to a case as JSON (see `portalScript`):
 * `fields` become the command's fields, `extra` is sent as it is, and a
 * `commandId` makes a repeated click act once.
 */
export const commandForm = (
  caseId: string,
  type: string,
  button: string,
  fields: Html | string | readonly Html[] = '',
  extra: Record<string, unknown> = {},
) =>
  markup`<form
    data-api="/api/cases/${encodeURIComponent(caseId)}/commands"
    data-command="${type}"
    data-idempotent
    data-extra="${json({ type, ...extra })}"
  >
    ${fields}<button class="primary" type="submit">${button}</button>
  </form>`;

/** The text of a commitment the applicant signs, filled with a default to edit. */
export const commitmentTextField = (
  name: string,
  defaultKey: string,
  lang: Lang,
): Html =>
  markup`<label
    >${label('commitmentText', lang)}
    <textarea name="${name}">
${label(defaultKey, lang)}</textarea
    >
  </label>`;
