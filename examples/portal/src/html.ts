import type { Lang } from './texts.js';
import { label, named, roleLabel } from './texts.js';

/** Markup that is already safe: written by the portal, not by a user. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(
    typeof value === 'string' ? value : (JSON.stringify(value) ?? ''),
  );
}

/**
 * A template tag that escapes every interpolated value unless it is `Html`:
 * user content cannot become markup.
 */
export function markup(
  strings: TemplateStringsArray,
  ...values: readonly unknown[]
): Html {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(text);
}

/** Serializes a value for a `data-*` attribute (escaped by `markup`). */
export const json = (value: unknown): string => JSON.stringify(value);

const STYLE = `
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
header{background:#b71c1c;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1rem;align-items:center}
header h1{font-size:1.1rem;margin:0;flex:1}header a,header button{color:#fff;background:none;border:1px solid #fff8;border-radius:4px;padding:.2rem .6rem;text-decoration:none;cursor:pointer;font:inherit}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}section{background:#fff;border-radius:6px;padding:1rem 1.2rem;margin-bottom:1rem;box-shadow:0 1px 2px #0002}
h2{font-size:1.05rem;margin:.2rem 0 .8rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7eb;padding:.35rem .4rem;text-align:left;font-size:.92rem;vertical-align:top}
.tag{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.8rem;margin-right:.2rem;background:#e4e7eb}.overdue{background:#c62828;color:#fff}.warning{background:#f9a825}.due-soon{background:#1565c0;color:#fff}
.notice{border-left:4px solid #f9a825;background:#fffbea;padding:.6rem .8rem}.error{border-left:4px solid #c62828;background:#fdecea;padding:.6rem .8rem;white-space:pre-wrap}
form{margin:.6rem 0}label{display:block;margin:.3rem 0}button.primary{background:#b71c1c;color:#fff;border:0;border-radius:4px;padding:.4rem 1rem;cursor:pointer;font:inherit}
textarea,input[type=text],input[type=password],select{font:inherit;padding:.2rem .3rem}textarea{width:100%;min-height:3rem}.muted{color:#616e7c;font-size:.85rem}
`;

/** A whole page: header with the user, the language toggle and log-out. */
export function layout(
  lang: Lang,
  title: string,
  user: { id: string; role: string; name: string; nameZh: string } | null,
  body: Html,
): string {
  const other = lang === 'zh' ? 'en' : 'zh';
  return markup`<!doctype html>
    <html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${label('title', lang)}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>
            <a href="/" style="border:0;padding:0">${label('title', lang)}</a>
          </h1>
          ${user ? markup`<span data-user="${user.id}">${named(user, lang)} · ${roleLabel(user.role, lang)}</span>` : ''}
          <a id="lang-toggle" href="?lang=${other}"
            >${label('switchLang', lang)}</a
          >
          ${user ? markup`<button id="logout" type="button">${label('logout', lang)}</button>` : ''}
        </header>
        <main>
          <div id="error" class="error" hidden role="alert"></div>
          ${body}
        </main>
        <script src="/assets/portal.js" defer></script>
      </body>
    </html>`.text;
}
