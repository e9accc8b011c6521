/**
 * Is anything executable in this HTML that a contributor could have put there? Parses with parse5 —
 * the WHATWG tree-construction algorithm browsers run — so a `</script>` or `"><img …>` that escaped
 * its text or attribute shows up as the element or attribute a browser would create.
 *
 * Rules (each problem is one line "what — where"):
 * - no event-handler attribute (`on…`) anywhere, no `srcdoc`;
 * - no URL attribute with a javascript:, vbscript: or data: scheme (data:image/… allowed on <img>);
 * - no element that never belongs on this site: iframe, frame(set), object, embed, applet, base,
 *   math, base href, meta refresh, or any tag named after a payload (<xss>);
 * - every <script>: JSON types must parse as JSON; external ones come from this origin; inline code
 *   must not contain contributor text (any of `markers`);
 * - <style> must not contain contributor text either (SVG is covered: its <script>/<style> and
 *   handlers are the same elements and attributes).
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

type Node = T.ChildNode | T.Document | T.DocumentFragment;

export interface XssCheckOptions {
  /** Strings only contributor content contains (payload fragments such as `alert(`). */
  markers?: string[];
  /** The site's own origin, e.g. https://kepu.example.org (absolute links to it count as same-origin). */
  origin?: string;
  /** Parse as a fragment (rendered Markdown) instead of a document. */
  fragment?: boolean;
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'ping', 'codebase', 'manifest', 'lowsrc', 'dynsrc']);
const NEVER = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'math', 'isindex', 'plaintext', 'xmp', 'noembed', 'marquee', 'portal']);
const JSON_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);

/** How a browser reads a URL's scheme: ASCII whitespace and controls anywhere are ignored, case too. */
export function urlScheme(value: string): string {
  const v = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(v);
  return m ? m[1]! : '';
}

function textOf(n: Node): string {
  if ('value' in n && n.nodeName === '#text') return (n as T.TextNode).value;
  const kids = 'childNodes' in n ? n.childNodes : [];
  const content = n.nodeName === 'template' ? (n as T.Template).content.childNodes : [];
  return [...kids, ...content].map((c) => textOf(c)).join('');
}

const attrOf = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function describe(el: T.Element): string {
  const attrs = el.attrs.map((a) => (a.value ? `${a.name}="${a.value.slice(0, 40)}"` : a.name)).join(' ');
  return `<${el.tagName}${attrs ? ' ' + attrs : ''}>`;
}

export function findInjections(html: string, opts: XssCheckOptions = {}): string[] {
  const markers = (opts.markers ?? []).filter(Boolean);
  const hasMarker = (s: string) => markers.find((m) => s.includes(m));
  const out: string[] = [];
  const root = opts.fragment ? parseFragment(html) : parse(html);
  const visit = (n: Node) => {
    if ('tagName' in n) {
      const el = n as T.Element;
      const tag = el.tagName;
      const where = describe(el);
      for (const a of el.attrs) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) out.push(`event-handler attribute ${name} — ${where}`);
        if (name === 'srcdoc') out.push(`srcdoc attribute — ${where}`);
        if (URL_ATTRS.has(name) || name === 'srcset') {
          const values = name === 'srcset' ? a.value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '') : [a.value];
          for (const v of values) {
            const scheme = urlScheme(v);
            if (scheme === 'javascript' || scheme === 'vbscript') out.push(`${scheme}: URL in ${name} — ${where}`);
            if (scheme === 'data' && !(tag === 'img' && name === 'src' && /^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/i.test(v.trim())))
              out.push(`data: URL in ${name} — ${where}`);
          }
        }
      }
      if (NEVER.has(tag) || tag.includes('xss')) out.push(`<${tag}> element — ${where}`);
      // <base target="_blank"> (embeds) is fine; a base href would re-point every relative link.
      if (tag === 'base' && attrOf(el, 'href') !== undefined) out.push(`<base href> — ${where}`);
      if (tag === 'meta' && el.attrs.some((a) => a.name === 'http-equiv' && /refresh|set-cookie/i.test(a.value))) out.push(`meta ${where}`);
      if (tag === 'script') {
        const type = (el.attrs.find((a) => a.name === 'type')?.value ?? '').trim().toLowerCase();
        const src = el.attrs.find((a) => a.name === 'src')?.value;
        const text = textOf(el);
        if (JSON_TYPES.has(type)) {
          try {
            JSON.parse(text);
          } catch (e) {
            out.push(`<script type="${type}"> is not valid JSON (${(e as Error).message.slice(0, 60)}) — text starts ${JSON.stringify(text.slice(0, 60))}`);
          }
        } else if (src !== undefined) {
          const sameOrigin = (src.startsWith('/') && !src.startsWith('//')) || (opts.origin !== undefined && src.startsWith(opts.origin + '/'));
          if (!sameOrigin) out.push(`script from another origin — ${where}`);
        } else {
          const m = hasMarker(text);
          if (m) out.push(`inline script contains contributor text ${JSON.stringify(m)} — ${JSON.stringify(text.slice(0, 80))}`);
        }
      }
      if (tag === 'style') {
        const m = hasMarker(textOf(el));
        if (m) out.push(`<style> contains contributor text ${JSON.stringify(m)} — ${where}`);
      }
    }
    const kids = 'childNodes' in n ? n.childNodes : [];
    for (const c of kids) visit(c);
    if (n.nodeName === 'template') for (const c of (n as T.Template).content.childNodes) visit(c);
  };
  visit(root);
  return out;
}

/** Every element of a parsed document, for tests that look for specific things. */
export function elements(html: string, fragment = false): T.Element[] {
  const out: T.Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n) out.push(n as T.Element);
    for (const c of 'childNodes' in n ? n.childNodes : []) visit(c);
    if (n.nodeName === 'template') for (const c of (n as T.Template).content.childNodes) visit(c);
  };
  visit(fragment ? parseFragment(html) : parse(html));
  return out;
}

export const attr = attrOf;
export { textOf };
