/** /api/observances.json — every observance with its dates, as open data (fields: docs/open-data.md). */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { openObservancesFile } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => {
  const { q, today, url } = await getSite();
  return new Response(JSON.stringify(openObservancesFile(q, url, today)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
