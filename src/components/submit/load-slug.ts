/** A separate entry for the lazy chunk: slug.ts with pinyin-pro, loaded once a title is typed. */
export { slugify } from '../../lib/slug.ts';
