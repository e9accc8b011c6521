/**
 * Collections. The content model itself is src/lib/content/schema.ts; the loader validates every file with it
 * (and the cross-file rules of src/lib/content/validate.ts) before anything is stored.
 */
import { defineCollection } from 'astro:content';
import { kepuLoader } from './content/kepu-loader.ts';

export const collections = {
  events: defineCollection({ loader: kepuLoader('events') }),
  observances: defineCollection({ loader: kepuLoader('observances') }),
  organizers: defineCollection({ loader: kepuLoader('organizers') }),
  venues: defineCollection({ loader: kepuLoader('venues') }),
  vocab: defineCollection({ loader: kepuLoader('vocab') }),
};
