/**
 * Markdown → plain text for calendar descriptions (src/lib/content/plain-text.ts): what a reader of the
 * event in a phone calendar sees.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, markdownToPlainText, truncateText } from '../../src/lib/content/plain-text.ts';

describe('markdownToPlainText', () => {
  it('drops headings, emphasis and code marks but keeps the words', () => {
    expect(markdownToPlainText('## 活动内容\n\n**心肺复苏**与 *AED* 使用，`代码`和 __强调__、~~删除~~')).toBe('活动内容\n\n心肺复苏与 AED 使用，代码和 强调、删除');
  });

  it('keeps the URL of a link, since a calendar app cannot follow a hidden one', () => {
    expect(markdownToPlainText('请[在线报名](https://kepu.example.org/r "报名")。')).toBe('请在线报名 (https://kepu.example.org/r)。');
    expect(markdownToPlainText('<https://kepu.example.org/x>')).toBe('https://kepu.example.org/x');
    expect(markdownToPlainText('[https://a.example.org/](https://a.example.org/)')).toBe('https://a.example.org/');
    expect(markdownToPlainText('[页内](#top)')).toBe('页内');
  });

  it('keeps list items and numbers, drops quote markers, task boxes, rules and reference definitions', () => {
    const md = '- 一\n* 二\n+ [x] 三\n\n1. 甲\n2. 乙\n\n> 引用\n> 第二行\n\n---\n\n[ref]: https://a.example.org\n见[资料][ref]';
    expect(markdownToPlainText(md)).toBe('- 一\n- 二\n- 三\n\n1. 甲\n2. 乙\n\n引用\n第二行\n\n见资料');
  });

  it('keeps an image only as its alt text', () => {
    expect(markdownToPlainText('![科技馆外景](/images/a.jpg)')).toBe('科技馆外景');
  });

  it('leaves code blocks as they are, without the fences', () => {
    expect(markdownToPlainText('```\n*不是强调*\n```')).toBe('*不是强调*');
  });

  it('does not touch snake_case, URLs with underscores or escaped characters', () => {
    expect(markdownToPlainText('file_name_x 与 https://a.example.org/a_b_c 和 \\*星号\\*')).toBe('file_name_x 与 https://a.example.org/a_b_c 和 *星号*');
  });

  it('a line is plain text only when no rule can start in it: block marks after spaces, a table row from ":", "#" anywhere', () => {
    // Each of these lines reaches a rule that a plain sentence skips (src/lib/content/plain-text.ts, BLOCK_START / INLINE_MARK).
    expect(markdownToPlainText('名称 | 时间\n:--- | ---:\n讲座 | 9:00')).toBe('名称 | 时间\n讲座 | 9:00');
    expect(markdownToPlainText('   > 缩进的引用\n  - 缩进的条目')).toBe('缩进的引用\n  - 缩进的条目');
    expect(markdownToPlainText('学习 C# 编程 ##')).toBe('学习 C# 编程');
    expect(markdownToPlainText('一句话 &lt;b&gt; 与 \\[方括号\\] 和 ~~旧~~')).toBe('一句话 <b> 与 [方括号] 和 旧');
    expect(markdownToPlainText('第一行  \n第二行\\\n第三行')).toBe('第一行\n第二行\n第三行');
  });

  it('decodes character references and normalises line ends and blank lines', () => {
    expect(markdownToPlainText('A &amp; B &#20013;\r\n\r\n\r\n\r\nC\rD')).toBe('A & B 中\n\nC\nD');
  });
});

describe('cleanText', () => {
  it('removes control characters and lone surrogates, keeps tabs, emoji and line breaks as LF', () => {
    expect(cleanText('a\u0000b\u0007c\td\u2028e\r\nf😀\ud800')).toBe('abc\td\ne\nf😀\ufffd');
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('短文本', 10)).toBe('短文本');
  });

  it('cuts at a sentence end near the limit, counting code points, and marks the cut', () => {
    const t = '第一句话写在这里。第二句话也写在这里。第三句';
    const cut = truncateText(t, 20);
    expect(cut).toBe('第一句话写在这里。第二句话也写在这里。…');
    expect([...truncateText('😀'.repeat(30), 10)]).toHaveLength(10);
    // 8 code points in 16 UTF-16 units: short enough for max 8, though longer than 8 units.
    expect(truncateText('😀'.repeat(8), 8)).toBe('😀'.repeat(8));
    expect(truncateText('1234567890', 10)).toBe('1234567890');
    expect(truncateText('12345678901', 10)).toBe('123456789…');
  });
});
