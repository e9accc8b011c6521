/** Listing sizes shared by pages. */
export const EVENTS_PER_PAGE = 30;
/** Events per page of a year's archive and of a campaign's day and province pages (issue 21: 30–50). */
export const ARCHIVE_PER_PAGE = 50;
