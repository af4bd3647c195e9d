import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, tooltipLines } from '../web/src/charts/html';

describe('tooltip HTML', () => {
  it('escapes a name that is markup', () => {
    expect(escapeHtml('<img src=x onerror=window.__xss=1>')).toBe('&lt;img src=x onerror=window.__xss=1&gt;');
    expect(tooltipLines('A&B "x"', null, "<b>'y'</b>")).toBe('A&amp;B &quot;x&quot;<br/>&lt;b&gt;&#39;y&#39;&lt;/b&gt;');
  });

  it('leaves no tag-opening character in any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (lines) => {
        const out = tooltipLines(...lines).split('<br/>').join('');
        expect(out).not.toMatch(/[<>"']/);
      }),
    );
  });
});
