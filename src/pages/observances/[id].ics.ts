/** /observances/<id>.ics — one observance, year by year (or one recurring event). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { ICS_HEADERS, observanceSpec, renderObservancesFeed } from '../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const { q } = await getSite();
  return q.content.observances.map((o) => ({ params: { id: o.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { q, today, url } = await getSite();
  const o = q.observance.get(params.id!)!;
  return new Response(renderObservancesFeed(q, [o], observanceSpec(o), today, url), { headers: ICS_HEADERS });
};
