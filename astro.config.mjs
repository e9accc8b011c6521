// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { MARKDOWN_FEATURES, MARKDOWN_OPTIONS, siteUrl } from './src/site-config.ts';
import sideOutputs from './src/integrations/side-outputs.ts';
import inlineScript from './src/integrations/inline-script.ts';
import islandPreloads from './src/integrations/island-preloads.ts';

// Static output; the public URL comes from SITE_URL (see README). Contributors' Markdown is
// sanitised in the content loader (src/lib/content/sanitize.ts) as a second wall behind the validator.
export default defineConfig({
  site: siteUrl(),
  // Tests and benchmarks build several content trees side by side: each gets its own output and cache.
  outDir: process.env.KEPU_OUT_DIR || './dist',
  cacheDir: process.env.KEPU_CACHE_DIR || './node_modules/.astro',
  // Images contributors add are checked by the validator from the same folder (src/lib/content/content-fs.ts).
  publicDir: process.env.KEPU_PUBLIC_DIR || './public',
  output: 'static',
  trailingSlash: 'ignore',
  // Four pages in flight: Astro writes each page with awaited mkdir + writeFile, and one page at a
  // time the build waited on those (≈ 0.4 ms a page, 62 s idle of 308 at 100,000 events); the
  // HTML is the same byte for byte (issue 21, bench/README.md).
  build: { format: 'directory', concurrency: 4 },
  // Feeds, calendar data, open data and the search index are made beside the page build: src/integrations/side-outputs.ts.
  integrations: [sideOutputs(), islandPreloads(), react(), sitemap({ filter: (page) => !page.includes('/embed/') })],
  markdown: { ...MARKDOWN_OPTIONS, processor: satteri({ features: { ...MARKDOWN_FEATURES } }) },
  devToolbar: { enabled: false },
  vite: {
    // The page clock, bundled and inlined in every page (src/integrations/inline-script.ts).
    plugins: [inlineScript()],
    // KEPU_NO_MINIFY=1 keeps the bundles readable, for profiling the islands in Chromium (bench/README.md).
    build: { chunkSizeWarningLimit: 800, ...(process.env.KEPU_NO_MINIFY ? { minify: false } : {}) },
    // Benchmark and test builds hold up to 170,000 files: watching them exhausts the system's watchers.
    server: { watch: { ignored: ['**/bench/out/**', '**/tests/.tmp/**', '**/dist/**', '**/.stryker-tmp/**'] } },
    // The React islands run on preact/compat: React DOM alone is 65 KB gzipped, and React + FullCalendar
    // cannot fit the calendar's 120 KB budget (see bench/README.md). preact-render-to-string serves
    // @astrojs/react on the server (both islands are client:only, so it renders nothing there).
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  },
});
