/** /events/<slug>.ics — one entry, any kind and date (the event page's "add to calendar" download). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { ICS_HEADERS, eventSpec, renderEventsFeed } from '../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const { q } = await getSite();
  return q.events.map((e) => ({ params: { slug: e.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { q, url } = await getSite();
  return new Response(renderEventsFeed(q, eventSpec(q.event.get(params.slug!)!), url), { headers: ICS_HEADERS });
};
