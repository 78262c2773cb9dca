/**
 * The pages' only script (no build step): forms with `data-api` post their
 * fields as JSON; `data-row` groups fields into the objects of an array,
 * `name[]` collects values into an array, `a.b` nests, and a checkbox with
 * `data-boolean` sends `true` or `false`. Errors show both
 * messages; success reloads or follows `data-next`.
 */
export const portalScript = String.raw`(() => {
  'use strict';
  const errorBox = document.getElementById('error');
  function showError(body) {
    const lines = [(body.messageZh || '') , (body.message || 'Request failed')];
    for (const issue of body.issues || []) {
      lines.push('· ' + (issue.path || []).join('.') + ': ' + issue.messageZh + ' / ' + issue.message);
    }
    errorBox.textContent = lines.filter(Boolean).join('\n');
    errorBox.dataset.code = body.code || '';
    errorBox.hidden = false;
    errorBox.scrollIntoView({ block: 'nearest' });
  }
  function valueOf(el) {
    if (el.type === 'checkbox' && el.dataset.boolean !== undefined) return el.checked;
    if (el.type === 'checkbox' || el.type === 'radio') return el.checked ? el.value : undefined;
    const text = el.value.trim();
    return text === '' ? undefined : text;
  }
  function bodyOf(form) {
    const body = form.dataset.extra ? JSON.parse(form.dataset.extra) : {};
    const rows = new Map();
    for (const el of form.querySelectorAll('[name]')) {
      let target = body;
      const row = el.closest('[data-row]');
      if (row && form.contains(row)) {
        target = rows.get(row);
        if (!target) {
          target = {};
          rows.set(row, target);
          (body[row.dataset.row] = body[row.dataset.row] || []).push(target);
        }
      }
      const value = valueOf(el);
      if (el.name.endsWith('[]')) {
        const key = el.name.slice(0, -2);
        target[key] = target[key] || [];
        if (value !== undefined) target[key].push(value);
        continue;
      }
      if (value === undefined) continue;
      const path = el.name.split('.');
      const last = path.pop();
      for (const key of path) target = target[key] = target[key] || {};
      target[last] = value;
    }
    if (form.dataset.idempotent !== undefined && globalThis.crypto && crypto.randomUUID) {
      form.dataset.commandId = form.dataset.commandId || crypto.randomUUID();
      body.commandId = form.dataset.commandId;
    }
    return body;
  }
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
    event.preventDefault();
    errorBox.hidden = true;
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => (b.disabled = true));
    try {
      const response = await fetch(form.dataset.api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(bodyOf(form)),
      });
      const result = await response.json().catch(() => ({}));
      if (!response.ok) return showError(result);
      const next = form.dataset.next;
      if (next) {
        location.assign(next.replace(/\{(\w+)\}/g, (_, key) => encodeURIComponent(result[key] || '')));
      } else {
        location.reload();
      }
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
  const logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', async () => {
      await fetch('/api/logout', { method: 'POST', credentials: 'same-origin' });
      location.assign('/login');
    });
  }
})();
`;
