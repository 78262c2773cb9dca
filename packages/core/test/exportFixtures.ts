import type { AuditEntry, AuditEntryDraft } from '../src/auditTrail.js';
import { appendEntry } from '../src/auditTrail.js';
import type { CaseHistory } from '../src/exportLogs.js';

const chen = {
  id: 'officer-chen',
  role: 'window-officer',
  department: '市场监管局',
} as const;
const liu = {
  id: 'officer-liu',
  role: 'department-approver',
  department: 'Fire & Rescue <消防>',
} as const;
const wang = { id: 'applicant-wang', role: 'applicant' } as const;
const scheduler = { id: 'scheduler', role: 'system' } as const;

function chain(drafts: readonly AuditEntryDraft[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const draft of drafts) {
    entries.push(appendEntry(entries.at(-1) ?? null, draft));
  }
  return entries;
}

/** Two cases of two items, with values that need escaping. */
export function sampleHistories(): CaseHistory[] {
  return [
    {
      caseId: 'case-1',
      itemId: 'business-licence',
      entries: chain([
        {
          caseId: 'case-1',
          at: '2025-09-26T09:30:00.000+08:00',
          actor: wang,
          command: { type: 'SUBMIT' },
          commandId: 'cmd-1',
          reason: null,
          state: 'submitted',
        },
        {
          caseId: 'case-1',
          at: '2025-09-26T10:00:00.000+08:00',
          actor: chen,
          command: { type: 'ACCEPT' },
          commandId: null,
          reason: 'Materials <complete> & "sealed" — 材料齐全',
          state: { review: 'pending' },
        },
        {
          caseId: 'case-1',
          at: '2025-09-29T08:00:00.000+08:00',
          actor: scheduler,
          command: { type: 'TICK' },
          commandId: null,
          reason: null,
          state: { review: 'pending' },
        },
        {
          caseId: 'case-1',
          at: '2025-10-09T16:45:00.000+08:00',
          actor: { ...chen, department: '政务服务中心' },
          command: { type: 'APPROVE' },
          commandId: 'cmd-4',
          reason: "line one\nline two\ttab 'quoted'",
          state: 'approved',
        },
      ]),
    },
    {
      caseId: 'case-2 <&>',
      itemId: '建筑许可',
      entries: chain([
        {
          caseId: 'case-2 <&>',
          at: '2025-09-30T11:00:00.000+08:00',
          actor: wang,
          command: { type: 'SUBMIT' },
          commandId: 'cmd-5',
          reason: null,
          state: 'submitted',
        },
        {
          caseId: 'case-2 <&>',
          at: '2025-10-10T09:00:00+08:00',
          actor: liu,
          command: { type: 'REFUSE', basis: 'ALL-38-DENY' },
          commandId: 'cmd-6',
          reason: '不符合条件 & 无法补正',
          state: 'refused',
        },
      ]),
    },
  ];
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) {
    throw new Error(`A bare & in ${text}`);
  }
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_all, ref: string) =>
    ref.startsWith('#x') || ref.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(ref.slice(2), 16))
      : ref.startsWith('#')
        ? String.fromCodePoint(Number(ref.slice(1)))
        : (ENTITIES[ref] ?? ''),
  );
}

/**
 * A small, strict XML reader for the exporter's output: elements with
 * double-quoted attributes, no text content. Throws on anything not
 * well-formed (unbalanced tags, raw `<` or bare `&` in values, duplicate
 * attributes, text between elements, more than one root).
 */
export function parseXml(text: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/;
  if (!declaration.test(text)) throw new Error('No XML declaration');
  const document: XmlElement = {
    name: '#document',
    attributes: {},
    children: [],
  };
  const open: XmlElement[] = [document];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const space = /\s+/y;
  let at = text.match(declaration)?.[0].length ?? 0;
  while (at < text.length) {
    space.lastIndex = at;
    if (space.test(text)) {
      at = space.lastIndex;
      continue;
    }
    tag.lastIndex = at;
    const match = tag.exec(text);
    if (match === null)
      throw new Error(`Not XML at ${at}: ${text.slice(at, at + 40)}`);
    at = tag.lastIndex;
    const [, closing, name = '', rawAttributes = '', selfClosing] = match;
    const parent = open.at(-1);
    if (parent === undefined) throw new Error('Unbalanced');
    if (closing) {
      if (parent.name !== name || open.length === 1)
        throw new Error(`Unexpected </${name}>`);
      open.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key = '', value = ''] of rawAttributes.matchAll(
      /([\w:.-]+)="([^"]*)"/g,
    )) {
      if (key in attributes) throw new Error(`Duplicate attribute ${key}`);
      attributes[key] = decode(value);
    }
    const element: XmlElement = { name, attributes, children: [] };
    parent.children.push(element);
    if (!selfClosing) open.push(element);
  }
  if (open.length !== 1 || document.children.length !== 1) {
    throw new Error('Not exactly one closed root element');
  }
  return document.children[0] as XmlElement;
}

/** The `value` of the child attribute element with `key`, if any. */
export function xesValue(element: XmlElement, key: string): string | undefined {
  return element.children.find((child) => child.attributes.key === key)
    ?.attributes.value;
}
