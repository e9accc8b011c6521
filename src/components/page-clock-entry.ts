/** Entry of the page clock bundle (see page-clock.ts): runs once the page is parsed (`defer`). */
import { runPageClock } from './page-clock.ts';

runPageClock();
