/** /calendar.ics — every activity: upcoming plus the last 90 days (calls and deadlines: /calls.ics). */
import type { APIRoute } from 'astro';
import { getSite } from '../data/site.ts';
import { ICS_HEADERS, calendarSpec, renderEventsFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  return new Response(renderEventsFeed(q, calendarSpec(q, today), url), { headers: ICS_HEADERS });
};
