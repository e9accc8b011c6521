/**
 * Untrusted content, first and second wall. Every file in tests/fixtures/hostile/invalid/ is dropped
 * into the small fixture site and must be refused with messages naming file, line, field and fix
 * (pinned: they are what a contributor — or an attacker — reads). Then the bodies the validator
 * refuses go through the real Markdown renderer and the sanitiser anyway, to prove the second wall
 * holds on its own.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/content-fs.ts';
import { formatError, githubAnnotation } from '../../src/lib/content/errors.ts';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { eventJsonLd, jsonLdScript } from '../../src/lib/views/jsonld.ts';
import { checkBody } from '../../src/lib/content/markdown-safety.ts';
import { buildQuery } from '../../src/lib/content/query.ts';
import { sanitizeRenderedHtml } from '../../src/lib/content/sanitize.ts';
import { MAX_FILE_BYTES, type SourceFile, validateContent } from '../../src/lib/content/validate.ts';
import { attr, elements, findInjections } from '../helpers/xss-check.ts';

const ROOT = join(import.meta.dirname, '../..');
const HOSTILE = join(ROOT, 'tests/fixtures/hostile/invalid');
const base: SourceFile[] = readContentFiles(join(ROOT, 'tests/fixtures/site'), ROOT).map((f) => ({
  ...f,
  path: f.path.replace('tests/fixtures/site/', 'content/'),
}));

/** Where a hostile fixture goes in the content tree. */
const target = (coll: string, name: string) => (coll === 'events' ? `content/events/2026/${name}` : `content/${coll}/${name}`);

/** Validate the fixture site with one file added (or replaced); the messages about that file. */
function refuse(at: string, text: string): string[] {
  const files = base.filter((f) => f.path !== at).concat([{ path: at, text }]);
  return validateContent(files, 'content').errors.filter((e) => e.file === at).map(formatError);
}

const HTML = '正文里不能写 HTML 标签或脚本，请改用 Markdown（例如 **加粗**、[链接](https://…)）/ raw HTML is not allowed in the description: use Markdown';
const ONE_LINE = '不能包含换行或控制字符，请写成一行 / must be one line without control characters';
const NO_SPACE = '网址中不能有空格或换行 / URL must not contain spaces or line breaks';
const HTTP_ONLY = '只接受以 https:// 或 http:// 开头的完整网址 / only full http(s) URLs are accepted';
const invisible = (code: string) => `不能包含看不见的控制字符（U+${code}），请删除它 / must not contain invisible control characters (U+${code})`;
const link = (url: string) => `链接只能以 https:// 或 http:// 开头（${url}）/ links must be http(s)`;
const image = (url: string) => `图片只能用本站 public/images/ 里的文件（${url}），例如 ![说明](/images/xxx.jpg) / images must come from /images/`;

/** file → [line, field, message] of every expected error (the message text is the whole product). */
const EXPECTED: Record<string, [number, string, string][]> = {
  'events/crlf-every-field.md': [
    [2, 'title', ONE_LINE],
    [3, 'titleEn', ONE_LINE],
    [4, 'summary', ONE_LINE],
    [8, 'address', ONE_LINE],
    [9, 'online', NO_SPACE],
    [12, 'registration.url', NO_SPACE],
    [13, 'registration.note', ONE_LINE],
    [14, 'source.title', ONE_LINE],
    [14, 'source.url', NO_SPACE],
    [15, 'keywords.0', ONE_LINE],
    [16, 'rrule', ONE_LINE],
    [17, 'note', ONE_LINE],
  ],
  'events/control-chars.md': [
    [2, 'title', ONE_LINE],
    [3, 'titleEn', ONE_LINE],
    [4, 'summary', ONE_LINE],
    [8, 'address', ONE_LINE],
    [9, 'online', NO_SPACE],
    [11, 'registration.note', ONE_LINE],
    [12, 'source.title', ONE_LINE],
    [13, 'keywords.0', invisible('202E')],
    [13, 'keywords.1', invisible('000B')],
  ],
  'events/bidi-title.md': [
    [2, 'title', invisible('202E')],
    [3, 'summary', invisible('2066')],
  ],
  'events/script-urls.md': [
    [6, 'online', HTTP_ONLY],
    [7, 'url', HTTP_ONLY],
    [8, 'registration.url', HTTP_ONLY],
    [9, 'source.url', HTTP_ONLY],
  ],
  'events/sneaky-urls.md': [
    [6, 'online', HTTP_ONLY],
    [7, 'url', NO_SPACE],
    [7, 'url', HTTP_ONLY],
    [8, 'registration.url', HTTP_ONLY],
    [9, 'source.url', HTTP_ONLY],
  ],
  'events/more-urls.md': [
    [6, 'online', HTTP_ONLY],
    [7, 'url', NO_SPACE],
    [8, 'registration.url', NO_SPACE],
    [8, 'registration.url', HTTP_ONLY],
    [9, 'source.url', HTTP_ONLY],
  ],
  // One line each: script, IMG javascript:, inline img onerror, svg onload, iframe, a javascript:,
  // BODY ONLOAD, STYLE @import, META refresh, HTML comment, CDATA, processing instruction, DOCTYPE,
  // the math/mglyph mutation-XSS payload, details ontoggle.
  'events/html-body.md': Array.from({ length: 15 }, (_, i) => [8 + i, 'body', HTML] as [number, string, string]),
  'events/markdown-tricks.md': [
    [8, 'body', HTML], // \`<img …>` — an escaped backtick does not open code
    [10, 'body', HTML], // `` … ` — unequal backtick runs are not code
    [12, 'body', HTML], // a tag split over two lines
    [16, 'body', HTML], // after "``` `…`", which is not a fence (backtick in the info string)
  ],
  'events/link-tricks.md': [
    [8, 'body', link('javascript:alert(1')],
    [9, 'body', link('JAVASCRIPT:alert(1')],
    [10, 'body', link('&#106;avascript:alert(1')],
    [11, 'body', link('javascript:alert(1)')],
    [12, 'body', link('vbscript:msgbox(1')],
    [13, 'body', link('data:text/html;base64,PHNjcmlwdD5hbGVydC')],
    [14, 'body', link('javascript:alert(2')],
    [15, 'body', link('javascript:alert(3')],
    [17, 'body', link('javascript:alert(4)')],
    [19, 'body', link('javascript:alert(5)')],
    [20, 'body', link('//evil.example/x')],
    [21, 'body', link('/\\evil.example/x')],
  ],
  'events/image-tricks.md': [
    [8, 'body', image('https://evil.example.com/track.png')],
    [9, 'body', image('javascript:alert(1')],
    [10, 'body', image('/images/../../secret.png')],
    [11, 'body', image('/images/%2e%2e/secret.png')],
    [14, 'body', image('https://evil.example.com/track.png')],
  ],
  'events/alias-bomb.md': [[7, '', 'YAML 的锚点和别名（& 与 *）用得太多，请把内容直接写出来 / too many YAML aliases (& and *): write the values out']],
  'events/duplicate-keys.md': [[6, '', '同一个字段写了两次，请删掉一个 / a field appears twice (Map keys must be unique)']],
  'events/proto-keys.md': [
    [6, '__proto__', '未知字段“__proto__”，请删掉或改正 / unknown field'],
    [7, 'registration.constructor', '未知字段“constructor”，请删掉或改正 / unknown field'],
  ],
  'events/yaml-tags.md': [[3, 'summary', '必须是文字 / must be text']],
  'organizers/hostile-org.yaml': [
    [1, 'name', ONE_LINE],
    [2, 'shortName', ONE_LINE],
    [3, 'nameEn', ONE_LINE],
    [5, 'address', ONE_LINE],
    [6, 'website', HTTP_ONLY],
    [7, 'description', ONE_LINE],
    [8, 'aliases.0', ONE_LINE],
  ],
  'venues/hostile-venue.yaml': [
    [1, 'name', ONE_LINE],
    [2, 'nameEn', ONE_LINE],
    [5, 'address', ONE_LINE],
    [6, 'website', HTTP_ONLY],
    [7, 'aliases.0', invisible('202E')],
  ],
  'observances/hostile-day.md': [
    [2, 'name', ONE_LINE],
    [3, 'nameEn', ONE_LINE],
    [6, 'usual', ONE_LINE],
    [7, 'authority', ONE_LINE],
    [10, 'source.title', ONE_LINE],
    [10, 'source.url', HTTP_ONLY],
    [11, 'themes.2026', ONE_LINE],
    [12, 'aliases.0', invisible('0000')],
    [13, 'note', invisible('202E')],
    [15, 'body', HTML],
    [16, 'body', link('javascript:alert(1')],
  ],
  'vocab/topics.yaml': [
    [1, '0.aliases.0', invisible('2028')],
    [1, '0.label', ONE_LINE],
    [1, '0.labelEn', ONE_LINE],
  ],
};

const corpus = readdirSync(HOSTILE).flatMap((coll) => readdirSync(join(HOSTILE, coll)).map((name) => `${coll}/${name}`));

describe('the validator refuses every hostile file, naming file, line, field and fix', () => {
  it('the base site is valid and every fixture has pinned messages', () => {
    expect(validateContent(base, 'content').errors).toEqual([]);
    expect(corpus.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const rel of Object.keys(EXPECTED)) {
    it(rel, () => {
      const [coll, name] = rel.split('/') as [string, string];
      const at = target(coll, name);
      const expected = EXPECTED[rel]!.map(([line, field, message]) => `${at}:${line}${field ? ` ${field}:` : ''} ${message}`);
      expect(refuse(at, readFileSync(join(HOSTILE, rel), 'utf8'))).toEqual(expected);
    });
  }
});

describe('hostile bytes that cannot live in a fixture file', () => {
  const AT = 'content/events/2026/x.md';
  const event = (front: string, body = '介绍。') =>
    `---\n${front}\nstart: 2026-09-12T14:00\norganizer: test-science-society\naddress: 测试市朝阳区科普路1号\n---\n${body}\n`;

  it('a raw carriage return inside a title breaks the YAML line, reported on that line', () => {
    expect(refuse(AT, event('title: 讲座\rATTENDEE:mailto:victim@example.org'))).toEqual([
      `${AT}:3 YAML 格式错误：请检查这一行 / YAML syntax error: Implicit keys need to be on a single line`,
    ]);
  });

  it('raw NUL, ESC and DEL bytes in unquoted text are refused, and echoed only as \\u escapes', () => {
    const errors = refuse(AT, event('title: 讲座\u0000\u001b[2J\u007f'));
    expect(errors).toEqual([`${AT}:2 title: ${ONE_LINE}`]);
  });

  it('control characters in the Markdown body are refused per line (tab is fine)', () => {
    expect(refuse(AT, event('title: 讲座', '第一行\t有制表符\n第二行\u001b[31m红字\n第三行\u0000\n第四行\u2028'))).toEqual([
      `${AT}:8 body: 正文里有看不见的控制字符（U+001B），请删除它（常见于从网页或文档复制的文字）/ invisible control character in the description: delete it`,
      `${AT}:9 body: 正文里有看不见的控制字符（U+0000），请删除它（常见于从网页或文档复制的文字）/ invisible control character in the description: delete it`,
      `${AT}:10 body: 正文里有看不见的控制字符（U+2028），请删除它（常见于从网页或文档复制的文字）/ invisible control character in the description: delete it`,
    ]);
  });

  it('huge files are refused by size before parsing: a 1 MB body, a 100 000-character title', () => {
    const big = event('title: 讲座', '很长的介绍。'.repeat(60_000));
    const longTitle = event(`title: ${'长'.repeat(100_000)}`);
    expect(refuse(AT, big)).toEqual([`${AT} 文件太大（1055 KB），单个文件不能超过 64 KB，请精简描述 / file too large (limit 64 KB)`]);
    expect(refuse(AT, longTitle)).toEqual([`${AT} 文件太大（293 KB），单个文件不能超过 64 KB，请精简描述 / file too large (limit 64 KB)`]);
  });

  it('a huge file on disk is not even read whole', () => {
    const dir = join(tmpdir(), `kepu-hostile-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'events/2026'), { recursive: true });
    writeFileSync(join(dir, 'events/2026/huge.md'), Buffer.alloc(5 * 1024 * 1024, 'a'));
    const files = readContentFiles(dir, dir);
    expect(files).toHaveLength(1);
    expect(files[0]!.text.length).toBe(MAX_FILE_BYTES + 1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('absurdly nested YAML is a file problem, not a crash', () => {
    const errors = refuse(AT, event(`keywords: ${'['.repeat(20_000)}${']'.repeat(20_000)}\ntitle: 讲座`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/events\/2026\/x\.md:2 YAML/);
  });

  it('hostile file names are refused, and a line break in a name cannot forge a CI log line', () => {
    const nasty = 'content/events/2026/a\n::error file=README.md::伪造\u001b[2J.md';
    const { errors } = validateContent([...base, { path: nasty, text: event('title: 讲座') }, { path: 'content/events/2026/<script>.md', text: event('title: 讲座二') }], 'content');
    const lines = errors.map(formatError);
    expect(lines).toEqual([
      'content/events/2026/<script>.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
      'content/events/2026/a\\u000a::error file=README.md::伪造\\u001b[2J.md 文件名只能用小写字母、数字和连字符（它会成为网址），例如 2026-09-12-first-aid-training.md / file name must use a-z, 0-9 and hyphens',
    ]);
    for (const e of errors) {
      expect(formatError(e)).not.toMatch(/[\u0000-\u001f]/);
      expect(githubAnnotation(e)).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('a vocabulary value echoed in a message is shown with visible escapes', () => {
    const errors = refuse(AT, event('title: 讲座\ntopics: ["卫生\\u001b[2J健康"]'));
    expect(errors).toEqual([
      `${AT}:3 topics: “卫生\\u001b[2J健康”不在主题词表里，请从 content/vocab/topics.yaml 中选择 / "卫生\\u001b[2J健康" is not in the topics vocabulary （您是不是要写“卫生健康”？/ did you mean 卫生健康?）`,
      `${AT}:3 topics.0: ${invisible('001B')}`,
    ]);
  });
});

describe('the second wall: refused bodies rendered anyway come out harmless', () => {
  // Astro 7's own Markdown renderer (Sätteri) with the options Astro passes by default.
  let render: (md: string) => Promise<string>;
  beforeAll(async () => {
    const renderer = await satteri().createRenderer({ gfm: true, smartypants: true, syntaxHighlight: false, image: {} } as never);
    render = async (md) => (await renderer.render(md, { frontmatter: {} } as never)).code;
  });
  const bodyOf = (rel: string) => {
    const p = parseContentFile(readFileSync(join(HOSTILE, rel), 'utf8'), 'markdown');
    if (!('data' in p)) throw new Error(rel);
    return p.body;
  };
  const BODIES = ['events/html-body.md', 'events/markdown-tricks.md', 'events/link-tricks.md', 'events/image-tricks.md', 'observances/hostile-day.md'];
  const DESCRIPTION_TAGS = new Set(['p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

  it('the renderer alone would let them through (so this test bites)', async () => {
    const raw = (await Promise.all(BODIES.map((b) => render(bodyOf(b))))).join('\n');
    const found = findInjections(raw, { fragment: true });
    expect(found.filter((f) => f.startsWith('event-handler')).length).toBeGreaterThan(5);
    expect(found.some((f) => f.startsWith('javascript: URL in href'))).toBe(true);
    expect(elements(raw, true).some((e) => e.tagName === 'script')).toBe(true);
  });

  for (const rel of BODIES) {
    it(rel, async () => {
      const html = sanitizeRenderedHtml(await render(bodyOf(rel)));
      expect(findInjections(html, { fragment: true, markers: ['alert(', 'XSS', 'msgbox'] })).toEqual([]);
      for (const el of elements(html, true)) {
        expect(DESCRIPTION_TAGS.has(el.tagName), `<${el.tagName}> in a description`).toBe(true);
        if (el.tagName === 'img') expect(attr(el, 'src')).toMatch(/^\/images\/[^.]/);
        if (el.tagName === 'a') expect(attr(el, 'href') ?? '').toMatch(/^(https?:\/\/|mailto:|#d-|\/(?![/\\]))|^$/);
      }
    });
  }

  it('the validator and the second wall agree on what is harmless', async () => {
    const ok = '```html\n<script>alert(1)</script>\n```\n\n行内 `<img src=x onerror=alert(1)>`，转义 \\<b>，实体 &lt;script&gt;。\n\n[报名](https://example.org/r?a=1&b=2) ![海报](/images/poster.jpg)';
    expect(checkBody(ok, 'f.md', 1)).toEqual([]);
    const html = sanitizeRenderedHtml(await render(ok));
    expect(findInjections(html, { fragment: true, markers: ['alert('] })).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<img src="/images/poster.jpg" alt="海报">');
  });

  it('description ids cannot take over the page’s ids, headings sit below the page’s h2', async () => {
    const html = sanitizeRenderedHtml(await render('# Main\n\n## about\n\n### 日程\n\n[跳到日程](#日程) 注释[^1]\n\n[^1]: 说明。'));
    expect(html).toContain('<h3 id="d-main">Main</h3>');
    expect(html).toContain('<h3 id="d-about">about</h3>');
    expect(html).toContain('<h4 id="d-日程">日程</h4>');
    expect(html).toContain(`href="#d-${encodeURIComponent('日程')}"`); // browsers match the decoded fragment
    expect(html).toContain('<h3 id="d-footnote-label">注释</h3>');
    expect(html).not.toMatch(/id="(?!d-)/);
  });
});

describe('JSON-LD cannot be closed from inside', () => {
  it('a title with </script> and <!-- stays inside the script and round-trips', () => {
    const title = '</script><script>alert(1)</script><!--<script>';
    const e = { id: 'x', title, summary: '\u2028"&', start: '2026-09-12', allDay: true, startDate: '2026-09-12', endDate: '2026-09-12', status: 'scheduled', timezone: 'Asia/Shanghai', organizer: 'o', coOrganizers: [], topics: [], audiences: [], formats: [], keywords: [], kind: 'activity', verified: true } as never;
    const q = buildQuery({ events: [], observances: [], organizers: [], venues: [], vocab: { topics: [], audiences: [], formats: [], regions: [] } });
    const text = jsonLdScript(eventJsonLd(e, q, 'https://kepu.example.org'));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toMatchObject({ name: title, description: '\u2028"&' });
    const page = `<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body></body></html>`;
    expect(findInjections(page, { markers: ['alert('] })).toEqual([]);
    expect(elements(page).filter((el) => el.tagName === 'script')).toHaveLength(1);
  });
});
