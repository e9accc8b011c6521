/** Entry of the page script bundle (see page-clock.ts), inlined at the end of every page's body. */
import { runPageClock } from './page-clock.ts';
import { runStars } from './favorites/stars.ts';

runPageClock();
// ☆ 收藏 on cards and event pages (issue 18).
runStars();
