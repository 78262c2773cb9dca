import { describe, expect, it } from 'vitest';
import { escapeXml, toXes } from '../src/exportXes.js';
import type { XmlElement } from './exportFixtures.js';
import { parseXml, sampleHistories, xesValue } from './exportFixtures.js';

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

describe('toXes', () => {
  const histories = sampleHistories();
  const text = toXes(histories);
  const log = parseXml(text);

  it('is a well-formed IEEE 1849-2016 log with its extensions declared', () => {
    expect(log.name).toBe('log');
    expect(log.attributes).toEqual({
      'xes.version': '1849-2016',
      'xes.features': '',
      xmlns: 'http://www.xes-standard.org/',
    });
    const prefixes = childrenNamed(log, 'extension').map(
      (e) => e.attributes.prefix,
    );
    expect(prefixes).toEqual(['concept', 'time', 'org', 'lifecycle']);
    for (const extension of childrenNamed(log, 'extension')) {
      expect(extension.attributes.uri).toBe(
        `http://www.xes-standard.org/${extension.attributes.prefix}.xesext`,
      );
    }
    const scopes = childrenNamed(log, 'global').map((g) => g.attributes.scope);
    expect(scopes).toEqual(['trace', 'event']);
    expect(childrenNamed(log, 'classifier')[0]?.attributes).toEqual({
      name: 'Activity',
      keys: 'concept:name',
    });
    expect(text.endsWith('</log>\n')).toBe(true);
  });

  it('has one trace per case and one event per entry', () => {
    const traces = childrenNamed(log, 'trace');
    expect(traces).toHaveLength(2);
    expect(traces.map((t) => xesValue(t, 'concept:name'))).toEqual([
      'case-1',
      'case-2 <&>',
    ]);
    expect(traces.map((t) => xesValue(t, 'itemId'))).toEqual([
      'business-licence',
      '建筑许可',
    ]);
    expect(traces.map((t) => childrenNamed(t, 'event').length)).toEqual([4, 2]);
    expect(text.match(/<trace>/g)).toHaveLength(2);
    expect(text.match(/<event>/g)).toHaveLength(6);
  });

  it('writes the standard attributes of each event, typed', () => {
    const [trace] = childrenNamed(log, 'trace');
    const events = childrenNamed(trace as XmlElement, 'event');
    const accept = events[1] as XmlElement;
    expect(
      accept.children.map((c) => [
        c.name,
        c.attributes.key,
        c.attributes.value,
      ]),
    ).toEqual([
      ['string', 'concept:name', 'ACCEPT'],
      ['date', 'time:timestamp', '2025-09-26T10:00:00.000+08:00'],
      ['string', 'org:resource', 'officer-chen'],
      ['string', 'org:role', 'window-officer'],
      ['string', 'org:group', '市场监管局'],
      ['string', 'lifecycle:transition', 'complete'],
      ['int', 'sequence', '2'],
      ['string', 'state', '{"review":"pending"}'],
      ['string', 'reason', 'Materials <complete> & "sealed" — 材料齐全'],
    ]);
    const submit = events[0] as XmlElement;
    expect(xesValue(submit, 'org:group')).toBeUndefined();
    expect(xesValue(submit, 'reason')).toBeUndefined();
    expect(xesValue(submit, 'commandId')).toBe('cmd-1');
    expect(xesValue(submit, 'state')).toBe('submitted');
  });

  it('escapes every value, and keeps line breaks and tabs', () => {
    const approve = childrenNamed(
      childrenNamed(log, 'trace')[0] as XmlElement,
      'event',
    )[3];
    expect(xesValue(approve as XmlElement, 'reason')).toBe(
      "line one\nline two\ttab 'quoted'",
    );
    expect(text).toContain(
      'value="Materials &lt;complete&gt; &amp; &quot;sealed&quot; — 材料齐全"',
    );
    expect(text).toContain('value="Fire &amp; Rescue &lt;消防&gt;"');
    expect(text).toContain(
      'value="line one&#10;line two&#9;tab &apos;quoted&apos;"',
    );
    expect(text).toContain('value="建筑许可"');
  });

  it('leaves out what an entry does not have', () => {
    const [history] = sampleHistories();
    const entry = history?.entries[0];
    if (entry === undefined) throw new Error('no entry');
    const bare = { ...entry, state: undefined, commandId: null };
    const trace = parseXml(toXes([{ ...history, entries: [bare] } as never]));
    const event = trace.children.find((c) => c.name === 'trace')?.children[2];
    expect(event?.children.map((c) => c.attributes.key)).toEqual([
      'concept:name',
      'time:timestamp',
      'org:resource',
      'org:role',
      'lifecycle:transition',
      'sequence',
    ]);
  });

  it('writes a log without traces for no histories', () => {
    const empty = parseXml(toXes([]));
    expect(childrenNamed(empty, 'trace')).toEqual([]);
    expect(childrenNamed(empty, 'extension')).toHaveLength(4);
  });
});

describe('escapeXml', () => {
  it('escapes markup and replaces what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u001fc\r')).toBe('a\uFFFDb\uFFFDc&#13;');
    expect(escapeXml('\uD800x\uDFFF\uFFFE\uFFFF')).toBe(
      '\uFFFDx\uFFFD\uFFFD\uFFFD',
    );
    expect(escapeXml('办件 😀 \u007f')).toBe('办件 😀 \u007f');
  });
});
