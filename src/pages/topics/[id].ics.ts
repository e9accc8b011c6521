/** /topics/<id>.ics — the activities of one of the topics: upcoming plus the last 90 days. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { ICS_HEADERS, facetIds, facetSpec, renderEventsFeed } from '../../lib/feeds.ts';

export const getStaticPaths = (async () => {
  const { q } = await getSite();
  return facetIds(q, 'topics').map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { q, today, url } = await getSite();
  return new Response(renderEventsFeed(q, facetSpec(q, 'topics', params.id!, today), url), { headers: ICS_HEADERS });
};
