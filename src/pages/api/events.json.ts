/** /api/events.json — every entry as open data (fields: docs/open-data.md). */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { openEventsFile } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  return new Response(JSON.stringify(openEventsFile(q, url, today)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
