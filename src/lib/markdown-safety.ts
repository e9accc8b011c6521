/**
 * Contributors' Markdown is untrusted. The validator refuses raw HTML, script-ish links and foreign
 * images here with a clear message; rendering sanitises again (rehype-sanitize) as a second wall.
 */
import type { ContentError } from './errors.ts';

/** Images may only come from the site's own folder public/images/. */
export const ALLOWED_IMAGE_PREFIX = '/images/';

const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^>]*>?|<!--|<!\[CDATA\[|<\?/;
const AUTOLINK = /<(?:https?:\/\/|mailto:)[^>\s]*>/g;
const LINK = /(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+["'(][^)]*)?\)/g;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;

export function checkBody(body: string, file: string, firstLine: number): ContentError[] {
  const out: ContentError[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((raw, i) => {
    const line = firstLine + i;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    // Inline code spans may show HTML as text; drop them before looking.
    const text = raw.replace(/`+[^`]*`+/g, '').replace(AUTOLINK, '');
    if (HTML_TAG.test(text)) {
      out.push({
        file,
        line,
        field: 'body',
        message: '正文里不能写 HTML 标签或脚本，请改用 Markdown（例如 **加粗**、[链接](https://…)）/ raw HTML is not allowed in the description: use Markdown',
      });
    }
    const urls: [string, boolean][] = [];
    for (const m of text.matchAll(LINK)) urls.push([m[2] ?? '', m[1] === '!']);
    const def = REF_DEF.exec(text);
    if (def) urls.push([def[1]!, false]);
    for (const [url, isImage] of urls) {
      if (isImage) {
        if (!url.startsWith(ALLOWED_IMAGE_PREFIX) || url.includes('..')) {
          out.push({ file, line, field: 'body', message: `图片只能用本站 public/images/ 里的文件（${url}），例如 ![说明](/images/xxx.jpg) / images must come from /images/` });
        }
      } else if (!/^(https?:\/\/|mailto:|#|\/(?!\/))/i.test(url)) {
        out.push({ file, line, field: 'body', message: `链接只能以 https:// 或 http:// 开头（${url.slice(0, 40)}）/ links must be http(s)` });
      }
    }
  });
  return out;
}
