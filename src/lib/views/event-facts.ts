/**
 * An event's facts, worked out once: the names behind its ids (organizers, venue, region,
 * vocabularies, observance, campaign), its time and registration in words, and the values of the
 * field registry's generic fields (event-fields.ts). The event page (EventFacts.astro), the iCal
 * DESCRIPTION (ical-fields.ts), the search record (search-documents.ts), the open data
 * (open-data.ts) and the JSON-LD (jsonld.ts) each lay them out in their own medium; none of them
 * looks a name up by itself. Pure.
 */
import type { EventEntry, VenueEntry } from '../content/model.ts';
import { GENERIC_FIELDS } from '../content/event-fields.ts';
import { KIND_LABEL, STATUS_SENTENCE } from '../labels.ts';
import { eventPlace, labels, type NameSources, type Place, regionLabel } from './present.ts';
import type { VocabName } from '../content/schema.ts';
import { SITE_ZONE } from '../time/days.ts';
import { formatRangeZh } from '../time/labels.ts';
import { registrationLine, registrationView, type RegistrationInput, type RegistrationView } from '../content/registration.ts';
import { campaignUrl, facetUrl, observanceUrl } from '../urls.ts';

/** Something the event names by id; `name` is the id itself when the id is unknown. */
export interface NamedRef {
  id: string;
  name: string;
  known: boolean;
  /** Its page on this site (site-relative). */
  href: string;
}

export interface LabelledRef {
  id: string;
  label: string;
  /** Its listing (site-relative); formats have none. */
  href?: string;
}

/** The entry's registration facts and what the one rule (registration.ts) makes of them. */
export interface RegistrationFacts extends RegistrationInput {
  view: RegistrationView;
  /** 需要报名，名额 40 人，免费，2026年9月10日（星期四）截止 */
  terms: string;
}

/** A generic field's value in words (event-fields.ts), e.g. 适合年龄: 6–12 岁. */
export interface ExtraFact {
  field: string;
  label: string;
  text: string;
  /** A link the value stands for (a replay …), when the field has one. */
  href?: string;
  /** Its front-matter values as written, for the open data: { ageMin: 6, ageMax: 12 }. */
  values: Record<string, unknown>;
}

export interface EventFacts {
  /** 时间, or 截止 for a deadline. */
  whenLabel: '时间' | '截止';
  /** 2026年9月12日（星期六）14:00–16:30 */
  when: string;
  /** The event's zone when it is not China's (shown beside the time). */
  foreignZone?: string;
  /** 征集 / 截止 for entries that are not activities. */
  kind?: string;
  /** 此活动已取消 … for entries that are not scheduled. */
  statusSentence?: string;
  place: Place;
  venue?: VenueEntry;
  region?: LabelledRef;
  organizer: NamedRef & { website?: string };
  /** Every co-organizer, known or not (pages list the known ones). */
  coOrganizers: NamedRef[];
  vocab: Record<Exclude<VocabName, 'regions'>, LabelledRef[]>;
  registration?: RegistrationFacts;
  observance?: NamedRef & { authority: string };
  campaign?: NamedRef & { year: number };
  /** The registry's generic fields that have a value, in registry order. */
  extra: ExtraFact[];
}

function named(id: string, entry: { name: string } | undefined, href: string): NamedRef {
  return { id, name: entry?.name ?? id, known: !!entry, href };
}

function registrationFacts(e: EventEntry, today: string | undefined): RegistrationFacts | undefined {
  const view = registrationView(e.registration, e, today);
  return view && { ...e.registration, view, terms: registrationLine(view) };
}

/** The generic fields' values in words, in registry order. */
export function extraFacts(e: EventEntry): ExtraFact[] {
  const out: ExtraFact[] = [];
  for (const g of GENERIC_FIELDS) {
    const text = g.fact(e);
    if (text === undefined) continue;
    const source = e as unknown as Record<string, unknown>;
    const values = Object.fromEntries(g.paths.filter((k) => source[k] !== undefined && !(Array.isArray(source[k]) && !(source[k] as unknown[]).length)).map((k) => [k, source[k]]));
    const href = g.href?.(e);
    out.push({ field: g.field, label: g.label, text, values, ...(href ? { href } : {}) });
  }
  return out;
}

/**
 * `today` makes the registration facts time-aware (报名已截止 once the deadline has passed); feeds and
 * search records leave it out, so that they say the same every day.
 */
export function eventFacts(e: EventEntry, q: NameSources, today?: string): EventFacts {
  const org = q.organizer.get(e.organizer);
  const obs = e.observance ? q.observance?.get(e.observance) : undefined;
  const camp = e.campaign ? q.observance?.get(e.campaign) : undefined;
  const year = Number(e.startDate.slice(0, 4));
  const vocab = (name: Exclude<VocabName, 'regions'>): LabelledRef[] =>
    labels(q, name, e[name]).map((l) => (name === 'formats' ? l : { ...l, href: facetUrl(name, l.id) }));
  return {
    whenLabel: e.kind === 'deadline' ? '截止' : '时间',
    when: formatRangeZh(e.start, e.end),
    foreignZone: e.timezone !== SITE_ZONE ? e.timezone : undefined,
    kind: e.kind !== 'activity' ? KIND_LABEL[e.kind] : undefined,
    statusSentence: e.status !== 'scheduled' ? STATUS_SENTENCE[e.status] : undefined,
    place: eventPlace(e, q),
    venue: e.venue ? q.venue.get(e.venue) : undefined,
    region: e.regionId ? { id: e.regionId, label: regionLabel(q, e.regionId) ?? e.regionId, href: facetUrl('regions', e.regionId) } : undefined,
    organizer: { ...named(e.organizer, org, facetUrl('organizers', e.organizer)), website: org?.website },
    coOrganizers: e.coOrganizers.map((id) => named(id, q.organizer.get(id), facetUrl('organizers', id))),
    vocab: { topics: vocab('topics'), audiences: vocab('audiences'), formats: vocab('formats') },
    registration: registrationFacts(e, today),
    observance: obs ? { ...named(obs.id, obs, observanceUrl(obs.id)), authority: obs.authority } : undefined,
    campaign: camp ? { ...named(camp.id, camp, campaignUrl(camp.id, year)), year } : undefined,
    extra: extraFacts(e),
  };
}
