/** /data/events/2026-09.json — the calendar's events of one month (see src/lib/calendar-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../data/site.ts';
import { monthFile } from '../../../lib/calendar-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { q } = await getSite();
  return [...q.byMonth.keys()].map((month) => ({ params: { month } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { q } = await getSite();
  return Response.json(monthFile(q, params.month!));
};
