// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import rehypeSanitize from 'rehype-sanitize';
import { siteUrl } from './src/site-config.ts';

// Static output; the public URL comes from SITE_URL (see README). Contributors' Markdown is
// sanitised at render time as a second wall behind `npm run validate` (which refuses raw HTML).
export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [react(), sitemap({ filter: (page) => !page.includes('/embed/') })],
  markdown: { rehypePlugins: [rehypeSanitize] },
  devToolbar: { enabled: false },
  vite: { build: { chunkSizeWarningLimit: 800 } },
});
