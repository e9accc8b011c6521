/**
 * Minimal typings for lunar-javascript (the package ships none): only what src/lib/time/lunar.ts uses.
 * The package is CommonJS (`module.exports = { Solar, Lunar, … }`).
 */
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    /** `YYYY-MM-DD`. */
    toYmd(): string;
  }
  export interface Lunar {
    getSolar(): Solar;
    /**
     * The solar terms around this lunar year, keyed by Chinese name (大雪 of the previous December …
     * 大雪) plus pinyin keys (DA_XUE, DONG_ZHI, XIAO_HAN, DA_HAN, LI_CHUN, YU_SHUI, JING_ZHE) for the
     * copies that fall in the neighbouring years.
     */
    getJieQiTable(): Record<string, Solar>;
  }
  export interface LunarMonth {
    getDayCount(): number;
  }
  export interface LunarYear {
    /** The leap month number, 0 when none. */
    getLeapMonth(): number;
  }
  export const Lunar: {
    /** Month is negative for a leap month; throws when the day does not exist. */
    fromYmd(year: number, month: number, day: number): Lunar;
  };
  export const Solar: {
    fromYmd(year: number, month: number, day: number): Solar;
  };
  export const LunarMonth: {
    /** Null when that month does not exist (a leap month in a year without it). */
    fromYm(lunarYear: number, lunarMonth: number): LunarMonth | null;
  };
  export const LunarYear: {
    fromYear(lunarYear: number): LunarYear;
  };
}
