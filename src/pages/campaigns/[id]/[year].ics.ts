/** /campaigns/<id>/<year>.ics — every activity of one edition (全国科普月 2026 …); same editions as the hub pages. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../data/site.ts';
import { campaignYears } from '../../../lib/campaign-view.ts';
import { ICS_HEADERS, campaignSpec, renderEventsFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const { q, today } = await getSite();
  return q.content.observances
    .filter((o) => o.kind === 'campaign')
    .flatMap((o) => campaignYears(o, q, today).map((year) => ({ params: { id: o.id, year: String(year) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { q, url } = await getSite();
  return new Response(renderEventsFeed(q, campaignSpec(q, params.id!, Number(params.year)), url), { headers: ICS_HEADERS });
};
