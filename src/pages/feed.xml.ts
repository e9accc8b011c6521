/** /feed.xml — RSS of the newest entries (by `updated`, else start), 50 items. */
import type { APIRoute } from 'astro';
import { getRssString } from '@astrojs/rss';
import { getSite } from '../data/site.ts';
import { rssItems } from '../lib/views/open-data.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  const xml = await getRssString({
    title: '科普日历 · 新活动',
    description: '全国科普活动、征集与申报截止：最近登记和更新的条目。',
    site: url,
    items: rssItems(q, today, url),
    customData: '<language>zh-cn</language>',
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
