/** Listing sizes shared by pages. */
export const EVENTS_PER_PAGE = 30;
/** How far ahead the home page looks for observance days. */
export const HOME_OBSERVANCE_DAYS = 30;
