import type { PortalUser } from './demoUsers.js';
import { layout, markup } from './html.js';
import type { Lang } from './texts.js';
import { label, named, roleLabel } from './texts.js';

/** The log-in page: a demo user and a password. */
export function loginPage(lang: Lang, users: readonly PortalUser[]): string {
  return layout(
    lang,
    label('login', lang),
    null,
    markup`<section>
      <h2>${label('login', lang)}</h2>
      <form id="login" data-api="/api/login" data-next="/">
        <label
          >${label('user', lang)}
          <select name="userId">
            ${users.map(
              (u) =>
                markup`<option value="${u.id}">
                  ${named(u, lang)} · ${roleLabel(u.role, lang)}
                </option>`,
            )}
          </select></label
        >
        <label
          >${label('password', lang)}
          <input type="password" name="password" value=""
        /></label>
        <button class="primary" type="submit">${label('login', lang)}</button>
      </form>
      <p class="muted">${label('demoUsers', lang)}</p>
    </section>`,
  );
}
