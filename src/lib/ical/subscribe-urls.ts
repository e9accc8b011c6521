/**
 * The links that subscribe to a feed (webcal:, Google Calendar, Outlook.com and Microsoft 365, and
 * the plain https address), for the subscribe buttons and the landing pages. Apart from feeds.ts,
 * which decides what a feed holds and what it is called: this only turns a feed's path and name
 * into the addresses calendar apps accept. Pure.
 */
import { absolute } from '../urls.ts';

export interface SubscribeUrls {
  /** https://host/path.ics */
  https: string;
  /** webcal://host/path.ics — opens the calendar app's subscribe dialog (Apple, many desktop apps). */
  webcal: string;
  /** Google Calendar's "add by URL" page, pre-filled. */
  google: string;
  /** Outlook.com "subscribe from web", pre-filled. */
  outlook: string;
  /** The same for work or school accounts (Microsoft 365). */
  outlookWork: string;
}

/** Absolute subscribe links for a feed path such as /topics/health.ics. */
export function subscribeUrls(site: string, path: string, name: string): SubscribeUrls {
  const https = absolute(site, path);
  const webcal = https.replace(/^https?:\/\//, 'webcal://');
  const outlookQuery = `url=${encodeURIComponent(https)}&name=${encodeURIComponent(name)}`;
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?${outlookQuery}`,
    outlookWork: `https://outlook.office.com/calendar/0/addfromweb?${outlookQuery}`,
  };
}
