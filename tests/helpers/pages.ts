/**
 * The main page types of the test site (tests/fixtures/site on the shipped content): what the design
 * tests check and `npm run screenshots` shoots, one list for both.
 */
export const PAGES = [
  ['home', '/'],
  ['calendar', '/calendar/'],
  ['event', '/events/2026-09-12-first-aid-training/'],
  ['event-cancelled', '/events/2026-09-15-cancelled-lecture/'],
  ['events', '/events/'],
  ['observances', '/observances/'],
  ['observance', '/observances/world-first-aid-day/'],
  ['topics', '/topics/'],
  ['topic', '/topics/health/'],
  ['regions', '/regions/'],
  ['organizer', '/organizers/test-science-society/'],
  ['venue', '/venues/test-science-center/'],
  ['embed', '/embed/organizers/test-science-society/'],
  ['not-found', '/no-such-page/'],
] as const;
