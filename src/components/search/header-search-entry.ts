/**
 * Entry of the header search bundle. The layout's inline loader adds this file as a script on the
 * first focus of the header box (so pages ship no search code until then); it is built as one
 * self-contained file (imported with `?worker&url`, which gives a standalone bundle and its URL).
 */
import css from './search.css?inline';
import { attach } from './header-search.ts';

if (!document.getElementById('kepu-search-css')) {
  const style = document.createElement('style');
  style.id = 'kepu-search-css';
  style.textContent = css;
  document.head.append(style);
}
const box = document.getElementById('site-search');
if (box instanceof HTMLInputElement) attach(box);
