/**
 * `import code from './x.ts?inline-script'`: the module and everything it imports, bundled into one
 * minified IIFE as a string, for a page to inline (`<script is:inline set:html={code}>`).
 *
 * Why: the page clock (src/components/page-clock.ts) uses the site's tested date functions, and
 * every page runs it. As an Astro `<script>` it became a module importing two chunks shared with
 * the islands (three requests per page); as one file it was an extra request the event pages had
 * never made (their contract: no script beyond the layout's inline ones). Inlined, it costs no
 * request and keeps one copy of the rules in the source. esbuild is Astro's own dependency.
 */
import { build } from 'esbuild';
import type { Plugin } from 'vite';

const SUFFIX = '?inline-script';

export default function inlineScript(): Plugin {
  return {
    name: 'kepu:inline-script',
    enforce: 'pre',
    async resolveId(id, importer) {
      if (!id.endsWith(SUFFIX)) return undefined;
      const r = await this.resolve(id.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return r ? r.id + SUFFIX : undefined;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return undefined;
      const file = id.slice(0, -SUFFIX.length);
      const out = await build({ entryPoints: [file], bundle: true, minify: true, format: 'iife', target: 'es2020', charset: 'utf8', write: false, metafile: true, logLevel: 'silent' });
      for (const input of Object.keys(out.metafile.inputs)) this.addWatchFile(input);
      return `export default ${JSON.stringify(out.outputFiles[0]!.text.trim())};`;
    },
  };
}
