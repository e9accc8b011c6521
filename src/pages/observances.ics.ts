/** /observances.ics — every observance day, week and month, last year to two years ahead (the planning feed). */
import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { ICS_HEADERS, observancesSpec, renderObservancesFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  return new Response(renderObservancesFeed(q, q.content.observances, observancesSpec(), today, url), { headers: ICS_HEADERS });
};
