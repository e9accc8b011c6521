/**
 * rrule ships a UMD build as `main` and ESM only as `module`: Node sees CommonJS (named imports
 * fail), bundlers see ESM (no default export). This one place papers over both.
 */
import * as ns from 'rrule';

const mod: typeof ns = ((ns as unknown as { default?: typeof ns }).default ?? ns) as typeof ns;
export const RRule = mod.RRule;
export const rrulestr = mod.rrulestr;
export const datetime = mod.datetime;
export type { Options as RRuleOptions } from 'rrule';
