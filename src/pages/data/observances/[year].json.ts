/** /data/observances/2026.json — observance days of one year for the calendar. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../data/site.ts';
import { observanceYearFile, observanceYears } from '../../../lib/calendar-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { q, today } = await getSite();
  return observanceYears(q, today).map((y) => ({ params: { year: String(y) } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { q } = await getSite();
  return Response.json(observanceYearFile(q.content.observances, Number(params.year)));
};
