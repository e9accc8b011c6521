/**
 * Lunar dates and solar terms as Gregorian dates, via lunar-javascript (the 寿星万年历 tables).
 * Not ICU: Node 24's `Intl` Chinese calendar puts 2027 春节 on Feb 7, the true date is Feb 6.
 * Pure and independent of the process time zone (the library works on calendar numbers).
 */
import * as ns from 'lunar-javascript';

// CommonJS package: Node exposes named exports, some bundlers only a default. Accept both.
const lj: typeof ns = ((ns as unknown as { default?: typeof ns }).default ?? ns) as typeof ns;

/**
 * The Gregorian date (YYYY-MM-DD) of lunar `month`-`day` of lunar year `lunarYear`, in the ordinary
 * (non-leap) month. A day 30 in a 29-day month becomes the month's last day (除夕 = 12-30 is the last
 * day of the 12th month whatever its length). Undefined for a month outside 1–12 or a day outside 1–30.
 */
export function lunarToSolar(lunarYear: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  const lm = lj.LunarMonth.fromYm(lunarYear, month);
  if (!lm) return undefined;
  return lj.Lunar.fromYmd(lunarYear, month, Math.min(day, lm.getDayCount())).getSolar().toYmd();
}

/**
 * The lunar `month`-`day` that falls in Gregorian year `year`: the one of the lunar year starting in
 * `year` if it falls in `year`, else the one of the previous lunar year (a 12th-month date falls in
 * January/February of the next Gregorian year). Undefined in the rare years where neither falls in
 * `year` (a late-12th-month date can skip a Gregorian year, or fall twice in one: the later one wins).
 */
export function lunarDateInYear(year: number, month: number, day: number): string | undefined {
  const key = `${year}-${month}-${day}`;
  if (lunarCache.has(key)) return lunarCache.get(key);
  let result: string | undefined;
  for (const ly of [year, year - 1]) {
    const ymd = lunarToSolar(ly, month, day);
    if (ymd && Number(ymd.slice(0, 4)) === year) {
      result = ymd;
      break;
    }
  }
  lunarCache.set(key, result);
  return result;
}

// Memoised: building a lunar year costs about half a millisecond and pages ask for the same years.
const lunarCache = new Map<string, string | undefined>();

// getJieQiTable() keys its neighbouring-year copies in pinyin.
const PINYIN_TERMS: Record<string, string> = {
  DA_XUE: '大雪',
  DONG_ZHI: '冬至',
  XIAO_HAN: '小寒',
  DA_HAN: '大寒',
  LI_CHUN: '立春',
  YU_SHUI: '雨水',
  JING_ZHE: '惊蛰',
};

const termCache = new Map<number, Map<string, string>>();

/** All 24 solar terms of Gregorian year `year`, name → YYYY-MM-DD (China time, as published). */
export function solarTermsOfYear(year: number): Map<string, string> {
  let terms = termCache.get(year);
  if (terms) return terms;
  terms = new Map();
  // The tables are keyed by lunar year and straddle Gregorian years: lunar year y lists 大雪 of
  // December y-1 to 惊蛰 of March y+1. Merge y and y+1 and keep the dates that fall in `year`.
  for (const ly of [year, year + 1]) {
    const table = lj.Lunar.fromYmd(ly, 1, 1).getJieQiTable();
    for (const [key, solar] of Object.entries(table)) {
      const ymd = solar.toYmd();
      if (Number(ymd.slice(0, 4)) === year) terms.set(PINYIN_TERMS[key] ?? key, ymd);
    }
  }
  termCache.set(year, terms);
  return terms;
}

/** The day (YYYY-MM-DD) of solar term `term` (e.g. 秋分) in Gregorian year `year`. */
export function solarTermInYear(year: number, term: string): string | undefined {
  return solarTermsOfYear(year).get(term);
}
