/**
 * Second wall behind the validator: rendered Markdown is cleaned before it is stored. Only the tags
 * Markdown itself produces, only http(s)/mailto links, images only from /images/. (sanitize-html:
 * a maintained allow-list sanitizer on htmlparser2; pure JS, no DOM.)
 *
 * Ids are the description's own: a heading "## About" or "## Main" must not take over the page's
 * `#about` or `#main` (skip link) — two elements with one id break anchors, labels and the HTML.
 * So every id gets the prefix `d-`, and in-description `#…` links are rewritten to match.
 */
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_IMAGE_PREFIX, isAllowedImage } from './markdown-safety.ts';

export const DESCRIPTION_ID_PREFIX = 'd-';

/** Headings inside a description sit below the page's own h1 and its section h2. */
const HEADING: Record<string, string> = { h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6', h6: 'h6' };

const heading: sanitizeHtml.Transformer = (tagName, attribs) =>
  // GFM footnotes come with an English, screen-reader-only "Footnotes" heading.
  attribs.id === 'footnote-label' ? { tagName: 'h3', attribs, text: '注释' } : { tagName: HEADING[tagName] ?? tagName, attribs };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'id'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    li: ['id'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Stryker disable next-line StringLiteral: equivalent — exclusiveFilter already drops every <img> whose src is not /images/…; the scheme check on src stays as a second guard
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Stryker disable next-line StringLiteral: equivalent — any stand-in for a missing src is not under /images/, so the <img> goes either way
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImage(frame.attribs.src ?? ''),
  transformTags: {
    h1: heading,
    h2: heading,
    h3: heading,
    h4: heading,
    h5: heading,
    h6: heading,
    a: (tagName, attribs) => {
      // Stryker disable next-line StringLiteral: equivalent — a stand-in for a missing href does not start with #, so nothing is rewritten either way
      const href = attribs.href ?? '';
      const out: sanitizeHtml.Attributes = { ...attribs, rel: 'nofollow noopener' };
      if (href.length > 1 && href.startsWith('#')) out.href = `#${DESCRIPTION_ID_PREFIX}${href.slice(1)}`;
      return { tagName, attribs: out };
    },
    '*': (tagName, attribs) => (attribs.id ? { tagName, attribs: { ...attribs, id: `${DESCRIPTION_ID_PREFIX}${attribs.id}` } } : { tagName, attribs }),
  },
};

export function sanitizeRenderedHtml(html: string): string {
  // sanitize-html writes void elements as `<img … />`; HTML needs no slash (text cannot hold " />":
  // its ">" is escaped).
  return sanitizeHtml(html, OPTIONS).replace(/ \/>/g, '>');
}

export { ALLOWED_IMAGE_PREFIX };
