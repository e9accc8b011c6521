/** Entry of the page clock bundle (see page-clock.ts), inlined at the end of every page's body. */
import { runPageClock } from './page-clock.ts';

runPageClock();
