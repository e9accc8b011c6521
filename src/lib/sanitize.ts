/**
 * Second wall behind the validator: rendered Markdown is cleaned before it is stored. Only the tags
 * Markdown itself produces, only http(s)/mailto links, images only from /images/. (sanitize-html:
 * a maintained allow-list sanitizer on htmlparser2; pure JS, no DOM.)
 */
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_IMAGE_PREFIX } from './markdown-safety.ts';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'], '*': ['id'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(ALLOWED_IMAGE_PREFIX),
  transformTags: {
    // Headings inside a description sit below the page's own h1/h2.
    h1: 'h3',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener' } }),
  },
};
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as object), a: ['href', 'title', 'rel'] };

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
