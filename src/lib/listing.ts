/** Listing sizes shared by pages. */
export const EVENTS_PER_PAGE = 30;
