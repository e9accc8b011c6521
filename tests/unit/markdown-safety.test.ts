/**
 * The first wall (src/lib/content/markdown-safety.ts) piece by piece: what Markdown shows as literal text
 * (maskLiterals — code fences, code spans, backslash escapes, by CommonMark's rules) and what
 * checkBody reports, with its line numbers. tests/unit/hostile.test.ts feeds whole hostile files;
 * these pin each rule on its own, so that loosening one (a fence closed by the wrong run, an autolink
 * scheme matched without anchors, a reference label compared case-sensitively) fails a test.
 */
import { describe, expect, it } from 'vitest';
import { checkBody, maskLiterals } from '../../src/lib/content/markdown-safety.ts';

/** checkBody's findings as `line kind detail` (the messages themselves are pinned in hostile.test.ts). */
const check = (body: string, firstLine = 10) =>
  checkBody(body, 'content/events/2026/x.md', firstLine).map((e) => {
    expect(e.file).toBe('content/events/2026/x.md');
    expect(e.field).toBe('body');
    const kind = e.message.startsWith('正文里不能写 HTML') ? 'html' : e.message.startsWith('链接只能') ? 'link' : e.message.startsWith('图片只能') ? 'image' : e.message.startsWith('正文里有看不见') ? 'control' : e.message;
    const detail = /^[^（]*（([^）]*)）/.exec(e.message)?.[1] ?? '';
    return `${e.line} ${kind}${kind === 'html' ? '' : ` ${detail}`}`;
  });

describe('maskLiterals: fenced code', () => {
  it('blanks a fence and its lines, keeping line lengths and breaks', () => {
    expect(maskLiterals('a\n```\n<b>\n```\nc')).toBe('a\n   \n   \n   \nc');
    expect(maskLiterals('a\n   ```js\n<b>\n   ```  \nc')).toBe('a\n        \n   \n        \nc');
  });

  it('four spaces of indent is not a fence (an indented code block, left to the HTML check)', () => {
    expect(maskLiterals('    ```\n<b>\n```')).toBe('    ```\n<b>\n   ');
  });

  it('only a run of the same character, at least as long, with nothing after it, closes the fence', () => {
    expect(maskLiterals('~~~\n<b>\n```\n<c>\n~~~\nd')).toBe('   \n   \n   \n   \n   \nd');
    expect(maskLiterals('````\n<b>\n```\n<c>\n````\nd')).toBe('    \n   \n   \n   \n    \nd');
    expect(maskLiterals('```\n<b>\n``` x\n<c>\n```\nd')).toBe('   \n   \n     \n   \n   \nd');
    expect(maskLiterals('```\n<b>\n`````\nd')).toBe('   \n   \n     \nd');
  });

  it('a backtick fence’s info string may not hold a backtick (then it is text); a tilde fence’s may', () => {
    expect(maskLiterals('``` `x`\n<b>')).toBe('```    \n<b>');
    expect(maskLiterals('~~~ `x`\n<b>\n~~~\nc')).toBe('       \n   \n   \nc');
  });

  it('a closing run indented four spaces does not close; a single ~ opens nothing', () => {
    expect(maskLiterals('```\n<b>\n    ```\n<i>\n```\nz')).toBe('   \n   \n       \n   \n   \nz');
    expect(maskLiterals('~a <b>\n~')).toBe('~a <b>\n~');
  });

  it('two backticks are no fence, but a code span that may cross a line', () => {
    expect(maskLiterals('``\n<b>\n``')).toBe('  \n   \n  ');
  });
});

describe('maskLiterals: code spans and escapes', () => {
  it('a span ends at the next run of exactly as many backticks', () => {
    expect(maskLiterals('a `<b>` c')).toBe('a       c');
    expect(maskLiterals('a ``<b> ` c`` d')).toBe('a             d');
    expect(maskLiterals('`a` `b`')).toBe('       ');
    expect(maskLiterals('a```b```c')).toBe('a       c');
  });

  it('an unclosed run is literal backticks, and the text after it is read as text', () => {
    expect(maskLiterals('a ``<b>` c')).toBe('a ``<b>` c');
    expect(maskLiterals('x `` y')).toBe('x `` y');
  });

  it('a span may close right before a blank line; a blank line before it does not shorten it', () => {
    expect(maskLiterals('a `<b>`\n\nc')).toBe('a      \n\nc');
    expect(maskLiterals('p\n\n``<b>``')).toBe('p\n\n       ');
  });

  it('a span does not cross a blank line (a paragraph end)', () => {
    expect(maskLiterals('a `x\ny` c')).toBe('a   \n   c');
    expect(maskLiterals('a `x\n\ny` c')).toBe('a `x\n\ny` c');
    expect(maskLiterals('a `x\n \t\ny` c')).toBe('a `x\n \t\ny` c');
  });

  it('a backslash hides the ASCII punctuation after it, nothing else', () => {
    expect(maskLiterals('a \\<b> \\a \\')).toBe('a   b> \\a \\');
    expect(maskLiterals('a \\`<b>` c')).toBe('a   <b>` c');
    expect(maskLiterals('\\\\<b>')).toBe('  <b>');
  });

  it('text without backslashes or backticks comes back unchanged', () => {
    expect(maskLiterals('plain <b>\n\n第二段')).toBe('plain <b>\n\n第二段');
  });
});

describe('checkBody', () => {
  it('raw HTML: one report per line, numbered from the body’s first line', () => {
    expect(check('<b>x</b> <i>y</i>\n<p>\nok')).toEqual(['10 html', '11 html']);
    expect(check('ok\n\n<img\nsrc=x onerror=alert(1)>', 1)).toEqual(['3 html']);
    expect(check('x\n```\n<b>\n```\n<i>')).toEqual(['14 html']);
    expect(check('`<b>` ```x``` \\<b>')).toEqual([]);
    expect(check('<!-- x --> <![CDATA[ x ]]> <?php ?> <!DOCTYPE x>'.split(' ').join('\n'))).toEqual(['10 html', '13 html', '16 html', '18 html']);
    expect(check('a < b, 1<2, <中文>')).toEqual([]);
    expect(check('text <img')).toEqual(['10 html']);
    expect(check('\n<b>')).toEqual(['11 html']);
  });

  it('autolinks: http(s) and mailto, in any case; any other scheme is refused', () => {
    expect(check('<https://a.org> <HTTP://b.org> <mailto:a@b.c> <Mailto:a@b.c>')).toEqual([]);
    expect(check('<javascript:alert(1)> <xhttp://x> <httpx://x> <httpsx://x>')).toEqual(['10 link javascript:alert(1)', '10 link xhttp://x', '10 link httpx://x', '10 link httpsx://x']);
  });

  it('links and images by destination, with nested brackets and the <…> form', () => {
    expect(check('![a](/images/x.png) ![b](https://evil.example/x.png)\n[c](javascript:alert(1)) [d](https://ok.org)')).toEqual([
      '10 image https://evil.example/x.png',
      '11 link javascript:alert(1',
    ]);
    expect(check('![a [b] c](https://evil.example/x.png)')).toEqual(['10 image https://evil.example/x.png']);
    expect(check('[a ![b](/images/x.png) c](javascript:x)')).toEqual(['10 link javascript:x']);
    expect(check('[x](<javascript:alert(1)>) [y](\nhttps://ok.org)')).toEqual(['10 link javascript:alert(1)']);
    expect(check('[![img](/images/a.png)](https://ok.org) [a](/images/x.png) ![](/images/y.png)')).toEqual([]);
    expect(check('![](https://e.org/x.png) text](javascript:x)')).toEqual(['10 image https://e.org/x.png', '10 link javascript:x']);
  });

  it('quotes at most 40 characters of a link and 60 of an image source', () => {
    expect(check(`[l](javascript:${'a'.repeat(80)})`)).toEqual([`10 link javascript:${'a'.repeat(29)}`]);
    expect(check(`![l](https://e.org/${'a'.repeat(80)})`)).toEqual([`10 image https://e.org/${'a'.repeat(46)}`]);
  });

  it('reference definitions: up to three spaces of indent, the destination may follow on the next line', () => {
    expect(check('[a]: javascript:x\n   [b]: https://ok.org\n[c]:\n  javascript:y\n    [d]: javascript:z')).toEqual(['10 link javascript:x', '12 link javascript:y']);
    expect(check('[a]:javascript:x\n[b]:\t<javascript:y>\n[c]: <https://ok.org>')).toEqual(['10 link javascript:x', '11 link javascript:y']);
    expect(check('text [a]: javascript:x')).toEqual([]);
  });

  it('images by reference: the first definition of a label (case and spaces folded) decides, reported once at it', () => {
    expect(check('![x][a] ![x][a] ![a][] ![a]\n\n[a]: https://evil.example/p.png')).toEqual(['12 image https://evil.example/p.png']);
    expect(check('![X  Y]\n\n[ x y ]: https://evil.example/p.png')).toEqual(['12 image https://evil.example/p.png']);
    expect(check('![alt][Q]\n\n[q]: https://evil.example/p.png')).toEqual(['12 image https://evil.example/p.png']);
    // Unicode case folding, as the renderer matches labels: ß and SS are one label.
    expect(check('![x][ß]\n\n[SS]: https://evil.example/p.png')).toEqual(['12 image https://evil.example/p.png']);
    expect(check('![x][ẞ]\n\n[ss]: https://evil.example/p.png')).toEqual(['12 image https://evil.example/p.png']);
    expect(check('![p]\n\n[p]: /images/ok.png\n[p]: https://evil.example/x.png')).toEqual([]);
    // A link (not an image) to a foreign picture is fine; an image whose label has no definition is text.
    expect(check('[a]\n![nodef]\n\n[a]: https://evil.example/p.png')).toEqual([]);
  });

  it('invisible control characters per line, before the other findings of that line', () => {
    expect(check('a\u202Eb\nc\u0000d <b>\n\u2066x')).toEqual(['10 control U+202E', '11 control U+0000', '11 html', '12 control U+2066']);
    expect(check('tab\tis fine')).toEqual([]);
  });

  it('findings come sorted by line, each problem once per line', () => {
    expect(check('ok\n[a](javascript:x)\n<b>\n[a]: <javascript:x>')).toEqual(['11 link javascript:x', '12 html', '13 link javascript:x']);
    expect(check('[a](javascript:x) [b](javascript:x)')).toEqual(['10 link javascript:x']);
  });
});
