/** /calls.ics — calls for entries and deadlines (征集、申报截止): upcoming plus the last 90 days. */
import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { ICS_HEADERS, callsSpec, renderEventsFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  return new Response(renderEventsFeed(q, callsSpec(q, today), url), { headers: ICS_HEADERS });
};
