/**
 * Readable URL slugs. A slug becomes a file name and a URL that feeds are subscribed to, so it uses
 * only a-z, 0-9 and hyphens (the validator's rule) and is never derived from anything but the text
 * a person wrote: Chinese is spelled in toneless pinyin (pinyin-pro picks the reading of common
 * polyphones from context: 银行 → yin-hang, 重阳 → chong-yang), one syllable per word, so that
 * 世界急救日公益培训 → shi-jie-ji-jiu-ri-gong-yi-pei-xun.
 */
import { pinyin } from 'pinyin-pro';

/** Longest slug part made from a title; cut at a hyphen so no syllable is split. */
export const SLUG_MAX = 48;

const HAN = /\p{Script=Han}/u;

/** `slugify('世界急救日：AED 培训')` → `shi-jie-ji-jiu-ri-aed-pei-xun`. Empty when nothing usable is left. */
export function slugify(text: string, max = SLUG_MAX): string {
  const normal = text.normalize('NFKC');
  const words = HAN.test(normal)
    ? pinyin(normal, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    : [normal];
  const slug = words
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cut(slug, max);
}

function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const at = head.lastIndexOf('-');
  return (at > max / 2 ? head.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

export { uniqueId } from './import/unique-id.ts';
