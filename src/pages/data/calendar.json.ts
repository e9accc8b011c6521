/** /data/calendar.json — which month and year files exist, so the calendar never asks for a missing one. */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { calendarManifest } from '../../lib/calendar-data.ts';

export const GET: APIRoute = async () => {
  const { q, today } = await getSite();
  return Response.json(calendarManifest(q, today));
};
