/**
 * The second wall (src/lib/content/sanitize.ts) fed HTML directly, attribute by attribute — what the rendered
 * Markdown of tests/unit/hostile.test.ts never contains (a renderer does not write `onerror` on an
 * <img>, so a sanitiser that allowed it would pass those tests). Every output is pinned: an attribute
 * or tag let through, or a wanted one dropped, fails here.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedImage, isAllowedLink } from '../../src/lib/content/markdown-safety.ts';
import { sanitizeRenderedHtml as clean } from '../../src/lib/content/sanitize.ts';

describe('attributes: only the allow-list survives', () => {
  it('<img>: src, alt, title — never event handlers, style, srcset, sizes or ids', () => {
    expect(clean('<img src="/images/a.jpg" alt="海报" title="t" onerror="alert(1)" onload="x()" style="x" srcset="/x 1x" width="10" id="i">')).toBe(
      '<img src="/images/a.jpg" alt="海报" title="t">',
    );
    for (const handler of ['onerror', 'onload', 'onmouseover', 'onfocus', 'ONERROR']) {
      expect(clean(`<img src="/images/a.jpg" ${handler}="alert(1)">`), handler).toBe('<img src="/images/a.jpg">');
    }
  });

  it('<a>: href, title and the description-scoped id; rel is always set; no handlers, style or target', () => {
    expect(clean('<a href="https://example.org/" title="t" onclick="x()" style="c" target="_blank" id="top">x</a>')).toBe(
      '<a href="https://example.org/" title="t" id="d-top" rel="nofollow noopener">x</a>',
    );
    // A contributor's rel cannot drop nofollow.
    expect(clean('<a href="https://example.org/" rel="opener">x</a>')).toBe('<a href="https://example.org/" rel="nofollow noopener">x</a>');
  });

  it('lists keep start, list items their (prefixed) id; nothing else', () => {
    expect(clean('<ol start="3" reversed type="a"><li id="fn-1" class="x">a</li></ol><ul><li>b</li></ul>')).toBe('<ol start="3"><li id="d-fn-1">a</li></ol><ul><li>b</li></ul>');
  });

  it('paragraphs, tables and code keep no attributes', () => {
    expect(clean('<p class="x" style="y" onclick="z">t</p>')).toBe('<p>t</p>');
    expect(clean('<table><thead><tr><th align="left">h</th></tr></thead><tbody><tr><td style="x">d</td></tr></tbody></table>')).toBe(
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>',
    );
    expect(clean('<blockquote cite="x">q</blockquote><pre><code class="language-js">c</code></pre><strong>b</strong><em>i</em><del>x</del>')).toBe(
      '<blockquote>q</blockquote><pre><code>c</code></pre><strong>b</strong><em>i</em><del>x</del>',
    );
  });
});

describe('tags', () => {
  it('scripts, styles and frames vanish with their content; unknown tags leave their text', () => {
    expect(clean('<p>t<br/>u</p><hr/><script>alert(1)</script><style>p{}</style><iframe src="x"></iframe><div>d</div><span>s</span>')).toBe('<p>t<br>u</p><hr>ds');
    expect(clean('<svg onload="alert(1)"><circle/></svg><object data="x"></object><form action="x"><input></form>')).toBe('');
  });

  it('headings sit below the page’s h2; the footnote heading is Chinese', () => {
    expect(clean('<h1 id="main">A</h1><h2>B</h2><h3 id="c">C</h3><h4 id="d">D</h4><h5 id="e">E</h5><h6 id="f">F</h6>')).toBe(
      '<h3 id="d-main">A</h3><h3>B</h3><h4 id="d-c">C</h4><h5 id="d-d">D</h5><h6 id="d-e">E</h6><h6 id="d-f">F</h6>',
    );
    expect(clean('<h2 id="footnote-label" class="sr-only">Footnotes</h2>')).toBe('<h3 id="d-footnote-label">注释</h3>');
    expect(clean('<h2 id="other">Footnotes</h2>')).toBe('<h3 id="d-other">Footnotes</h3>');
  });

  it('void elements are written without " />", and text that holds " />" stays text', () => {
    expect(clean('<p>a<br />b</p><hr />')).toBe('<p>a<br>b</p><hr>');
    expect(clean('<p>a /> b</p>')).toBe('<p>a /&gt; b</p>');
  });
});

describe('URLs', () => {
  it('links: http(s), mailto, site paths and in-description anchors (rewritten to the d- ids)', () => {
    expect(clean('<a href="#about">x</a><a href="#">y</a><a href="/events/">z</a><a href="mailto:a@b.c">m</a><a href="http://example.org/">h</a>')).toBe(
      '<a href="#d-about" rel="nofollow noopener">x</a><a href="#" rel="nofollow noopener">y</a><a href="/events/" rel="nofollow noopener">z</a><a href="mailto:a@b.c" rel="nofollow noopener">m</a><a href="http://example.org/" rel="nofollow noopener">h</a>',
    );
    expect(clean('<a name="x">t</a>')).toBe('<a rel="nofollow noopener">t</a>');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:x', 'data:text/html,x', '//evil.example/', 'ftp://x/']) {
      expect(clean(`<a href="${bad}">x</a>`), bad).toBe('<a rel="nofollow noopener">x</a>');
    }
  });

  it('images only from /images/: foreign, relative-looking and traversing sources are removed whole', () => {
    for (const bad of ['https://evil.example/a.png', '/imagesX/a.png', '/images/../secret.png', '//evil.example/images/a.png', 'images/a.png', 'javascript:alert(1)']) {
      expect(clean(`<p>x<img src="${bad}" alt="a">y</p>`), bad).toBe('<p>xy</p>');
    }
    expect(clean('<img alt="no source">')).toBe('');
  });

  it('the Markdown checker agrees on links and images', () => {
    expect(['https://example.org/', 'http://example.org/', 'mailto:a@b.c', '#x', '/events/'].filter((u) => !isAllowedLink(u))).toEqual([]);
    expect(['javascript:alert(1)', '//evil.example/', '/\\evil', 'https://exa\\mple.org', 'https:// x', 'https://x/&#106;', 'ftp://x/'].filter(isAllowedLink)).toEqual([]);
    expect(isAllowedLink('https://example.org/?a=1&amp;b=2')).toBe(true);
    // Entities other than &amp; could spell a scheme the checker does not see.
    expect(['https://x/&lt;', 'https://x/&quot;', 'https://x/&#106;', 'https://x/&#x6a;'].filter(isAllowedLink)).toEqual([]);
    expect(['/images/a.jpg', '/images/sub/b.png'].filter((u) => !isAllowedImage(u))).toEqual([]);
    expect(['/images/../a.jpg', '/images/%2e%2e/a.jpg', '/images//evil', '/images/a\\b.jpg', '/images/a.jpg?x&y', '/imagesa.jpg', 'https://x/images/a.jpg'].filter(isAllowedImage)).toEqual([]);
  });
});
