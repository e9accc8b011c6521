/** A calendar event as the month files carry it (src/lib/calendar/calendar-data.ts), with plain defaults. */
import type { CalendarEvent } from '../../src/lib/calendar/calendar-data.ts';

export function calendarEvent(id: string, start: string, end?: string, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id,
    title: id,
    start,
    ...(end ? { end } : {}),
    allDay: start.length === 10,
    kind: 'activity',
    status: 'scheduled',
    topics: [],
    audiences: [],
    formats: [],
    regions: [],
    online: false,
    onsite: true,
    free: true,
    ...extra,
  };
}
