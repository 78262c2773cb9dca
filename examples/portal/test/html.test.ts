import { describe, expect, it } from 'vitest';
import { Html, escapeHtml, markup } from '../src/html.js';

describe('html', () => {
  it('escapes every interpolated value, in content and attributes', () => {
    const name = `<script>alert("x")</script>' onmouseover='x`;
    expect(markup`<p title="${name}">${name}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x</p>',
    );
    expect(escapeHtml('a & b ` c')).toBe('a &amp; b &#96; c');
  });

  it('keeps markup it wrote itself, joins lists and drops empty values', () => {
    const items = ['<a>', 'b'].map((x) => markup`<li>${x}</li>`);
    expect(markup`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>0',
    );
    expect(String(new Html('<b>'))).toBe('<b>');
  });
});
